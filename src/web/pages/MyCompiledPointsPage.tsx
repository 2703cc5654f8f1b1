import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { MyCompiledPointsView } from '../../contract/compilations.js';
import { CONCLUSION_LABELS, RESPONSIBILITY_LABELS } from '../../domain/compilation.js';
import { FEEDBACK_AREA_SHORT_LABELS, FEEDBACK_KIND_LABELS } from '../../domain/feedback.js';
import { formatDate, formatDateTime } from '../api.js';
import { useMyCompiledPointsQuery } from '../components/compilation-queries.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';

type MeetingPoints = MyCompiledPointsView['meetings'][number];
type Point = MeetingPoints['points'][number];

function PointCard({ point }: { point: Point }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light">{FEEDBACK_KIND_LABELS[point.kind]}</Badge>
          <Badge variant="outline" color="gray">
            {FEEDBACK_AREA_SHORT_LABELS[point.area]}
          </Badge>
          {point.dissenting && <Badge color="red">Có ý kiến trái chiều</Badge>}
        </Group>
        <Text fw={600} c={point.dissenting ? 'red.8' : undefined}>
          {point.text}
        </Text>
        {point.opinions.map((opinion, index) => (
          // Opinions carry no id here on purpose: nothing that could tie a phone form to anyone.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and never reordered.
          <Text size="sm" key={index} c={opinion.dissenting ? 'red.8' : undefined}>
            – {opinion.text}{' '}
            <Text span size="xs" c="dimmed">
              ({opinion.speaker}; {opinion.channelLabel.toLocaleLowerCase('vi')})
            </Text>
          </Text>
        ))}
        <Text size="sm">
          Trách nhiệm: {point.responsibility ? RESPONSIBILITY_LABELS[point.responsibility] : 'chưa phân loại'}
          . Kết luận của chi ủy: {point.conclusion ? CONCLUSION_LABELS[point.conclusion] : 'chưa kết luận'}
          {point.conclusion === 'explained' && point.explanation ? `: ${point.explanation}` : ''}.
        </Text>
      </Stack>
    </Paper>
  );
}

function MeetingCard({ meeting }: { meeting: MeetingPoints }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>
          Năm {meeting.year}: buổi họp ngày {formatDate(meeting.meetingDate)} tại {meeting.workplaceName}
        </Title>
        <Text size="sm" c="dimmed">
          Chi ủy chốt bản tổng hợp lúc {formatDateTime(meeting.finalizedAt)}.
        </Text>
        {meeting.absent && (
          <Alert color="blue" title="Đồng chí vắng mặt tại buổi họp">
            Lý do: {meeting.absenceReason ?? 'không rõ'}.{' '}
            {meeting.toldAt
              ? `Chi ủy đã xác nhận thông báo cho đồng chí lúc ${formatDateTime(meeting.toldAt)}.`
              : 'Các ý kiến góp ý về đồng chí được thông báo tại trang này.'}
          </Alert>
        )}
        {meeting.points.length === 0 ? (
          <EmptyState>Không có ý kiến góp ý nào về đồng chí tại buổi họp này.</EmptyState>
        ) : (
          meeting.points.map((point) => <PointCard key={point.id} point={point} />)
        )}
      </Stack>
    </Paper>
  );
}

/** "Ý kiến góp ý về tôi": the member's compiled points from final compilations (how an absent member is told). */
export default function MyCompiledPointsPage() {
  const query = useMyCompiledPointsQuery();
  return (
    <Stack>
      <Title order={2}>Ý kiến góp ý về tôi</Title>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.meetings.length === 0 ? (
        <EmptyState>Chưa có bản tổng hợp ý kiến nào đã chốt về đồng chí.</EmptyState>
      ) : (
        query.data.meetings.map((meeting) => <MeetingCard key={meeting.meetingId} meeting={meeting} />)
      )}
    </Stack>
  );
}
