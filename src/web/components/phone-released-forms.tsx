import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { AnonymousMemberOpinions } from '../../contract/phone-forms.js';
import { FEEDBACK_AREA_SHORT_LABELS, FEEDBACK_KIND_LABELS } from '../../domain/feedback.js';
import { formatDate } from '../api.js';
import { useReleasedFormsQuery } from './phone-queries.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

type Opinion = {
  area: keyof typeof FEEDBACK_AREA_SHORT_LABELS;
  kind: keyof typeof FEEDBACK_KIND_LABELS;
  text: string;
};

const CHANNEL_LABELS = { phone: 'Phiếu qua điện thoại', paper: 'Phiếu giấy không ghi tên' } as const;

function Opinions({ opinions }: { opinions: Opinion[] }) {
  return (
    <List spacing={4}>
      {opinions.map((opinion, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two opinions may read the same; their place is their identity here.
        <List.Item key={index}>
          <Badge variant="light" size="sm" mr="xs">
            {FEEDBACK_KIND_LABELS[opinion.kind]}
          </Badge>
          <Text span size="sm" c="dimmed">
            {FEEDBACK_AREA_SHORT_LABELS[opinion.area]}:{' '}
          </Text>
          <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {opinion.text}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function MemberOpinions({ member, threshold }: { member: AnonymousMemberOpinions; threshold: number }) {
  return (
    <Stack gap="xs" aria-label={`Ý kiến ẩn danh về đồng chí ${member.fullName}`} role="region">
      <Title order={5}>Đồng chí {member.fullName}</Title>
      {member.merged ? (
        <Paper withBorder p="sm">
          <Alert color="gray" mb="xs" title="Nhóm nhỏ: các ý kiến được gộp">
            Có ít hơn {threshold} phiếu ẩn danh về đồng chí này, nên các ý kiến được gộp thành một danh sách,
            không chia theo phiếu, hình thức gửi hay ngày, để không ai đoán được người góp ý. Biên bản và bản
            tổng hợp vẫn ghi đủ các ý kiến.
          </Alert>
          <Opinions opinions={member.opinions} />
        </Paper>
      ) : (
        member.forms.map((form, index) => (
          <Paper
            key={form.id}
            withBorder
            p="sm"
            aria-label={`Phiếu ${index + 1} về đồng chí ${member.fullName}`}
          >
            <Group gap="xs" mb="xs">
              <Text fw={600}>Phiếu {index + 1}</Text>
              <Badge variant="outline">{CHANNEL_LABELS[form.channel]}</Badge>
              <Text size="sm" c="dimmed">
                ngày {formatDate(form.submittedOn)}
              </Text>
            </Group>
            <Opinions opinions={form.opinions} />
          </Paper>
        ))
      )}
    </Stack>
  );
}

/**
 * The anonymous written opinions about each member, once the window is closed: the phone forms,
 * released all at once in the server's random order, with the paper forms that carry no name. A
 * member with fewer such forms than the small-group setting gets one merged list (S6).
 */
export function PhoneReleasedForms({ meetingId }: { meetingId: string }) {
  const query = useReleasedFormsQuery(meetingId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { members, phoneForms, smallGroupThreshold } = query.data;
  return (
    <Stack gap="md">
      <Text size="sm">
        {phoneForms > 0
          ? `${phoneForms} phiếu ẩn danh qua điện thoại, công bố cùng một lúc, xếp theo thứ tự ngẫu nhiên (không theo giờ gửi).`
          : 'Không có phiếu ẩn danh nào được gửi qua điện thoại.'}{' '}
        Bên dưới là ý kiến ẩn danh bằng văn bản về từng đồng chí, gồm cả phiếu giấy không ghi tên.
      </Text>
      {members.length === 0 ? (
        <EmptyState>Không có ý kiến ẩn danh bằng văn bản nào.</EmptyState>
      ) : (
        members.map((member) => (
          <MemberOpinions key={member.selfCriticismId} member={member} threshold={smallGroupThreshold} />
        ))
      )}
    </Stack>
  );
}
