import { Alert, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { AbsenceNotice } from '../../contract/meetings.js';
import {
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  type FeedbackArea,
  UNNAMED_SPEAKER,
} from '../../domain/feedback.js';
import { vietnamDate } from '../../domain/meetings.js';
import { formatDate, formatDateTime } from '../api.js';
import { Section } from './layout.js';
import { useAbsenceNoticesQuery } from './meeting-queries.js';
import { ErrorNotice, Loading } from './states.js';

function Notice({ notice }: { notice: AbsenceNotice }) {
  return (
    <Paper withBorder p="sm" data-testid="absence-notice">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={500}>
            Buổi họp tại {notice.workplaceName} ngày {formatDate(vietnamDate(new Date(notice.startsAt)))}
          </Text>
          {notice.toldAt ? (
            <Badge color="green" variant="light">
              Cấp ủy đã thông tin ngày {formatDateTime(notice.toldAt)}
            </Badge>
          ) : (
            <Badge color="orange" variant="light">
              Cấp ủy chưa xác nhận đã thông tin
            </Badge>
          )}
        </Group>
        <Text size="sm">
          Lý do vắng mặt: {notice.absenceReason} (
          {notice.absenceReasonValid ? 'chính đáng' : 'không chính đáng'})
        </Text>
        {!notice.meetingHeld ? (
          <Text size="sm" c="dimmed">
            Ý kiến góp ý sẽ hiện ở đây khi buổi họp kết thúc.
          </Text>
        ) : notice.opinions.length === 0 ? (
          <Text size="sm" c="dimmed">
            Chưa có ý kiến góp ý nào về bạn.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {notice.opinions.map((opinion, index) => (
              // Opinions carry no id here: their order is fixed by the server.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and never reordered.
              <List.Item key={index}>
                <Text span fw={500}>
                  {FEEDBACK_KIND_LABELS[opinion.kind]} ·{' '}
                  {FEEDBACK_AREA_SHORT_LABELS[opinion.area as FeedbackArea]}:
                </Text>{' '}
                {opinion.text}
                {opinion.dissenting && ' (ý kiến trái chiều)'}
                <Text span size="xs" c="dimmed">
                  {' '}
                  — {FEEDBACK_CHANNEL_LABELS[opinion.channel]}, {opinion.speakerName ?? UNNAMED_SPEAKER}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {notice.meetingHeld && !notice.phoneFormsIncluded && (
          <Text size="xs" c="dimmed">
            Phiếu góp ý qua điện thoại sẽ được thêm khi cấp ủy đóng nhận phiếu.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Seed II.3: a member absent from their meeting is told the feedback about them afterwards. */
export function AbsenceNotices() {
  const query = useAbsenceNoticesQuery();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.data.length === 0) return null;
  return (
    <Section title="Ý kiến góp ý khi bạn vắng mặt">
      <Alert color="blue" variant="light">
        Bạn vắng mặt tại buổi tự phê bình và phê bình trước quần chúng; dưới đây là các ý kiến góp ý về bạn.
      </Alert>
      {query.data.map((notice) => (
        <Notice key={notice.meetingId} notice={notice} />
      ))}
    </Section>
  );
}
