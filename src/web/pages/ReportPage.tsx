import { Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDate } from '../api.js';
import { Section } from '../components/layout.js';
import { ReportChildrenTable } from '../components/report-children.js';
import { ReportFiguresTables } from '../components/report-figures.js';
import { ReportNarrativeEditor } from '../components/report-narrative.js';
import { useReportQuery } from '../components/report-queries.js';
import { ReportStateBadge } from '../components/report-state-badge.js';
import { ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

/** One organization's report: figures, the committee's text, submission, the reports due to it, downloads. */
export default function ReportPage() {
  const { planId = '', organizationId = '' } = useParams();
  const query = useReportQuery(planId, organizationId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const report = query.data;
  const downloads = report.id && (
    <Group gap="sm">
      <Anchor href={`/api/v1/reports/${report.id}/document.docx`} download>
        Tải DOCX
      </Anchor>
      <Anchor href={`/api/v1/reports/${report.id}/document.pdf`} download>
        Tải PDF
      </Anchor>
      <Anchor href={`/api/v1/reports/${report.id}/figures.xlsx`} download>
        Tải số liệu (Excel)
      </Anchor>
    </Group>
  );

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`${PATHS.reports}?planId=${report.plan.id}`}>
          Báo cáo
        </Anchor>
        <Text>{report.organization.name}</Text>
      </Breadcrumbs>
      <Title order={2}>Báo cáo của {report.organization.name}</Title>
      <Group gap="md" wrap="wrap">
        <Text>
          Gửi: <strong>{report.recipient?.name ?? 'cấp trên'}</strong>
        </Text>
        <Text>Hạn nộp: {formatDate(report.dueOn)}</Text>
        {report.status === 'submitted' ? (
          <Badge color="blue">Đã nộp ngày {formatDate(report.submittedOn)}</Badge>
        ) : (
          <Badge color="gray">Bản nháp</Badge>
        )}
        <ReportStateBadge state={report.state} />
      </Group>
      <Section
        title={
          report.status === 'submitted' ? 'Số liệu (đã chốt khi nộp)' : 'Số liệu (cập nhật theo thực tế)'
        }
        actions={downloads}
      >
        <ReportFiguresTables figures={report.figures} />
        {!report.sumMatches && (
          <Text c="red" size="sm">
            Số liệu của báo cáo không bằng tổng số liệu các tổ chức trực thuộc và cơ quan, đơn vị trực thuộc
            trực tiếp.
          </Text>
        )}
      </Section>
      <Section title="Nội dung báo cáo">
        {report.id ? (
          <ReportNarrativeEditor key={`${report.id}-${report.version}`} report={report} />
        ) : (
          <Text c="dimmed">Cấp ủy của tổ chức chưa mở báo cáo này.</Text>
        )}
      </Section>
      {report.children.length > 0 && (
        <Section title="Báo cáo của các tổ chức trực thuộc">
          <ReportChildrenTable planId={report.plan.id} items={report.children} />
        </Section>
      )}
    </Stack>
  );
}
