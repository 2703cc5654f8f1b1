import { Stack, Text, Title } from '@mantine/core';
import type { MinutesView } from '../../contract/minutes.js';
import {
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  UNNAMED_SPEAKER,
} from '../../domain/feedback.js';
import { absenceLine, attendanceLine } from '../../domain/minutes.js';
import { formatDate } from '../api.js';

type Content = MinutesView['content'];
type Opinion = Content['collective']['opinions'][number];

function Opinions({ opinions }: { opinions: Opinion[] }) {
  if (opinions.length === 0) return <Text size="sm">Không có ý kiến đóng góp.</Text>;
  return (
    <Stack gap={2}>
      {opinions.map((opinion, index) => (
        // Opinions of locked minutes carry no id: their place in the frozen list is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
        <Text key={index} size="sm">
          - [{FEEDBACK_KIND_LABELS[opinion.kind]}
          {opinion.kind === 'proposal' ? '' : ` – ${FEEDBACK_AREA_SHORT_LABELS[opinion.area]}`}]{' '}
          {opinion.text} ({opinion.speaker ?? UNNAMED_SPEAKER};{' '}
          {FEEDBACK_CHANNEL_LABELS[opinion.channel].toLocaleLowerCase('vi')})
          {opinion.dissenting ? ' (ý kiến khác)' : ''}
        </Text>
      ))}
    </Stack>
  );
}

const Paragraphs = ({ text }: { text: string }) =>
  text.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : null;

/** The minutes as the document prints them, in the seed's agenda order. */
export function MinutesDocumentView({ content }: { content: Content }) {
  const { counts } = content;
  return (
    <Stack gap="xs" data-testid="minutes-document">
      <Title order={4} ta="center">
        BIÊN BẢN
      </Title>
      <Text ta="center" fw={600}>
        Buổi tự phê bình và phê bình trước quần chúng {content.workplaceName} năm {content.year}
      </Text>
      <Text ta="center" size="sm" c="dimmed" data-testid="minutes-number">
        {content.number ? `Số ${content.number}` : 'Chưa ghi số biên bản (văn bản in dấu chấm để ghi tay)'}
      </Text>
      <Title order={5}>I- Thời gian, địa điểm, thành phần</Title>
      <Text size="sm">
        Ngày {formatDate(content.date)}, từ {content.startTime} đến {content.endTime}, tại {content.place}.
      </Text>
      <Text size="sm">Chủ trì: {content.chairName}</Text>
      <Text size="sm">Thư ký: {content.secretaryName}</Text>
      <Text size="sm">
        Đại biểu: {content.delegates.length > 0 ? content.delegates.join('; ') : 'không có'}
      </Text>
      <Text size="sm">
        Đảng viên tự phê bình: {attendanceLine(counts).replace(/\.$/, '')}
        {counts.absent.length > 0
          ? ` (${counts.absent.map((member) => `${member.fullName}: ${member.reason}${member.reasonValid ? ', lý do chính đáng' : ', lý do không chính đáng'}`).join('; ')})`
          : ''}
        .
      </Text>
      <Text size="sm">Quần chúng tham dự: {counts.massesPresent} người.</Text>
      <Title order={5}>II- Nội dung</Title>
      <Paragraphs text={content.openingRemarks} />
      {content.members.map((member, index) => (
        <Stack key={member.selfCriticismId} gap={2}>
          <Text fw={600}>
            {index + 1}. Đồng chí {member.fullName}
          </Text>
          {member.absence && <Text size="sm">{absenceLine(member.absence)}</Text>}
          <Text size="sm">Nhiệm vụ: {member.duties || 'chưa ghi'}</Text>
          <Text size="sm">Ưu điểm chính: {member.strengths || 'chưa ghi'}</Text>
          <Text size="sm">Khuyết điểm chính: {member.shortcomings || 'chưa ghi'}</Text>
          <Opinions opinions={member.opinions} />
          <Text size="sm">Đại diện cấp ủy tiếp thu: {member.response || 'chưa ghi'}</Text>
        </Stack>
      ))}
      <Text fw={600}>Ý kiến đóng góp đối với tập thể chi bộ</Text>
      <Opinions opinions={content.collective.opinions} />
      <Text size="sm">Đại diện cấp ủy tiếp thu: {content.collective.response || 'chưa ghi'}</Text>
      <Paragraphs text={content.otherMatters} />
      <Title order={5}>III- Kết thúc</Title>
      <Paragraphs text={content.closingRemarks} />
    </Stack>
  );
}
