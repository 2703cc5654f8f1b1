import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanProgress } from '../../contract/progress.js';
import { api, formatDate, queryString } from '../api.js';
import { Section } from '../components/layout.js';
import { PLAN_DEADLINE_LABELS, PLAN_DEADLINES } from '../components/plan-dates.js';
import { PlanWorkplaces } from '../components/plan-workplaces.js';
import { ProgressBar, ProgressLegend } from '../components/progress-chart.js';
import { ProgressFlags } from '../components/progress-flags.js';
import { ProgressStats } from '../components/progress-stats.js';
import { ProgressTable } from '../components/progress-table.js';
import { ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

export default function PlanProgressPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const organizationId = search.get('organizationId') ?? undefined;
  const query = useQuery({
    queryKey: ['plan-progress', id, organizationId],
    queryFn: () => api.get<PlanProgress>(`/plans/${id}/progress${queryString({ organizationId })}`),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const progress = query.data;
  const { plan, node } = progress;
  const drill = (organization: string) => setSearch({ organizationId: organization });
  const exportHref = `/api/v1/plans/${id}/progress.xlsx${queryString({ organizationId: node.organization.id })}`;

  return (
    <Stack>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={PATHS.plans}>
          Kế hoạch
        </Anchor>
        <Anchor component={Link} to={PATHS.plan(plan.id)}>
          Số {plan.number}-{plan.symbol}
        </Anchor>
        <Text size="sm">Tiến độ</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>Tiến độ thực hiện: {node.organization.name}</Title>
          <Text size="sm">
            Kế hoạch Số {plan.number}-{plan.symbol} của {plan.organizationName}: {plan.title}
          </Text>
          <Text size="xs" c="dimmed">
            {PLAN_DEADLINES.map(
              (deadline) => `${PLAN_DEADLINE_LABELS[deadline]}: ${formatDate(plan[deadline])}`,
            ).join(' · ')}{' '}
            · Tính đến ngày {formatDate(progress.today)}
          </Text>
        </Stack>
        <Button component="a" href={exportHref} download variant="light">
          Xuất Excel
        </Button>
      </Group>
      {progress.trail.length > 0 && (
        <Breadcrumbs separatorMargin={6} aria-label="Cấp trên" style={{ flexWrap: 'wrap', rowGap: 4 }}>
          {progress.trail.map((step) => (
            <Anchor key={step.id} component="button" type="button" size="sm" onClick={() => drill(step.id)}>
              {step.name}
            </Anchor>
          ))}
          <Text size="sm" fw={600}>
            {node.organization.name}
          </Text>
        </Breadcrumbs>
      )}
      <ProgressStats counts={node.counts} />
      <Group gap="sm" wrap="wrap">
        <ProgressFlags row={node} />
      </Group>
      <ProgressBar counts={node.counts} />
      {progress.children.length > 0 && (
        <Section title={`Tổ chức trực thuộc (${progress.children.length})`} actions={<ProgressLegend />}>
          <ProgressTable rows={progress.children} onDrill={drill} />
        </Section>
      )}
      <Section title={`Cơ quan, đơn vị thuộc ${node.organization.name}`}>
        <Text size="sm" c="dimmed">
          Mở “Buổi họp” của một cơ quan, đơn vị để xem lịch họp, điểm danh, ý kiến và biên bản.
        </Text>
        <PlanWorkplaces key={node.organization.id} planId={plan.id} organizationId={node.organization.id} />
      </Section>
    </Stack>
  );
}
