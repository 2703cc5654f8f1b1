import { Alert, Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import { selfCriticismTemplate } from '../../documents/self-criticism-template.js';
import { formatDateTime } from '../api.js';
import { Section } from '../components/layout.js';
import { planNumberText } from '../components/plan-queries.js';
import { SelfCriticismActions } from '../components/self-criticism-actions.js';
import { SelfCriticismStatusBadge, TEMPLATE_LABELS } from '../components/self-criticism-badge.js';
import { SelfCriticismComment } from '../components/self-criticism-comment.js';
import { SelfCriticismDocument } from '../components/self-criticism-document.js';
import { SelfCriticismEditor } from '../components/self-criticism-editor.js';
import { usePlanOfReport, useSelfCriticismQuery } from '../components/self-criticism-queries.js';
import { SelfCriticismVersions } from '../components/self-criticism-versions.js';
import { ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';
import { useHasRole } from '../session.js';

function ReportSummary({ summary }: { summary: NonNullable<SelfCriticismDetail['summary']> }) {
  return (
    <Section title="Tóm tắt của cấp ủy">
      <Stack gap={4}>
        <Text size="sm">
          <strong>Chức trách, nhiệm vụ:</strong> {summary.duties}
        </Text>
        <Text size="sm">
          <strong>Ưu điểm chính:</strong> {summary.strengths}
        </Text>
        <Text size="sm">
          <strong>Khuyết điểm, hạn chế chính:</strong> {summary.shortcomings}
        </Text>
      </Stack>
    </Section>
  );
}

function ReportBody({ report, year }: { report: SelfCriticismDetail; year: number }) {
  const template = selfCriticismTemplate(report.template, year);
  if (!report.contentVisible)
    return (
      <Alert color="gray">
        Cấp trên chỉ theo dõi tình trạng của bản tự phê bình; nội dung do đảng viên và cấp ủy chi bộ xem.
      </Alert>
    );
  return (
    <Stack>
      {report.status === 'returned' && report.returnReason && (
        <Alert color="orange" title="Cấp ủy đã trả lại để sửa" role="alert">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.returnReason}
          </Text>
        </Alert>
      )}
      <SelfCriticismActions report={report} />
      {report.permissions.save ? (
        <SelfCriticismEditor key={report.id} report={report} template={template} />
      ) : (
        <SelfCriticismDocument report={report} template={template} />
      )}
      {report.permissions.comment && <SelfCriticismComment key={report.version} report={report} />}
      {report.summary && <ReportSummary summary={report.summary} />}
    </Stack>
  );
}

export default function SelfCriticismPage() {
  const { id = '' } = useParams();
  const query = useSelfCriticismQuery(id);
  const planQuery = usePlanOfReport(query.data?.planId);
  const isMember = useHasRole('member');
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const report = query.data;
  const plan = planQuery.data;
  // The template prints the plan's year; a reader who cannot open the plan gets the year it was saved.
  const year = plan?.year ?? new Date(report.savedAt).getFullYear();
  const { return: canReturn, accept, comment, summarize, editHeader } = report.permissions;
  const mine = isMember && !(canReturn || accept || comment || summarize || editHeader);
  return (
    <Stack>
      <Breadcrumbs separatorMargin={6}>
        {mine ? (
          <Anchor component={Link} to={PATHS.mySelfCriticisms}>
            Bản tự phê bình của tôi
          </Anchor>
        ) : (
          <Anchor component={Link} to={PATHS.workplaceSelfCriticisms(report.planId, report.workplaceId)}>
            {report.workplaceName}
          </Anchor>
        )}
        <Text size="sm">{report.fullName}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>Bản tự phê bình: {report.fullName}</Title>
        <Text size="sm">
          {plan ? `Kế hoạch ${planNumberText(plan)} (${plan.year}) · ` : ''}
          {report.workplaceName} · {report.cellName}
        </Text>
        <Group gap="xs">
          <SelfCriticismStatusBadge status={report.status} opened={report.opened} />
          <Text size="sm" c="dimmed">
            Mẫu {TEMPLATE_LABELS[report.template].toLowerCase()} ·{' '}
            {report.version > 1 ? `lưu lần cuối ${formatDateTime(report.savedAt)}` : 'chưa lưu lần nào'}
          </Text>
        </Group>
      </Stack>
      {planQuery.isLoading ? <Loading /> : <ReportBody report={report} year={year} />}
      <Section title="Các phiên bản">
        <SelfCriticismVersions reportId={report.id} currentVersion={report.version} />
      </Section>
    </Stack>
  );
}
