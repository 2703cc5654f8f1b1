import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import {
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_KIND_LABELS,
  type FeedbackArea,
  type FeedbackKind,
} from '../../domain/feedback.js';
import { useReleasedFormsQuery } from './phone-queries.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

/** The anonymous forms, released all at once after the window closed, in the server's random order. */
export function PhoneReleasedForms({ meetingId }: { meetingId: string }) {
  const query = useReleasedFormsQuery(meetingId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { items } = query.data;
  if (items.length === 0) return <EmptyState>Không có phiếu ẩn danh nào được gửi.</EmptyState>;
  return (
    <Stack gap="sm">
      <Text size="sm">{items.length} phiếu ẩn danh, xếp theo thứ tự ngẫu nhiên (không theo giờ gửi).</Text>
      {items.map((form, index) => (
        <Paper key={form.id} withBorder p="sm" aria-label={`Phiếu ẩn danh ${index + 1}`}>
          <Group gap="xs" mb="xs">
            <Text fw={600}>
              Phiếu {index + 1}: góp ý cho đồng chí {form.fullName}
            </Text>
          </Group>
          <List spacing={4}>
            {form.opinions.map((opinion) => (
              <List.Item key={`${opinion.area}-${opinion.kind}`}>
                <Badge variant="light" size="sm" mr="xs">
                  {FEEDBACK_KIND_LABELS[opinion.kind as FeedbackKind]}
                </Badge>
                <Text span size="sm" c="dimmed">
                  {FEEDBACK_AREA_SHORT_LABELS[opinion.area as FeedbackArea]}:{' '}
                </Text>
                <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {opinion.text}
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </Stack>
  );
}
