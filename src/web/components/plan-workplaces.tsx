import { Anchor, Badge, Button, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PlanWorkplaceView } from '../../contract/plans.js';
import { PLAN_WORKPLACE_STATUS_LABELS, PLAN_WORKPLACE_STATUSES } from '../../domain/plans.js';
import { api, formatDateTime, queryString } from '../api.js';
import { PATHS } from '../paths.js';
import { PlanCorrectionModal } from './plan-correction-modal.js';
import { PlanDeterminationMasses } from './plan-determination-masses.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

const PAGE_SIZE = 50;

interface PlanWorkplacePage {
  items: PlanWorkplaceView[];
  total: number;
  page: number;
  pageSize: number;
}

function RequiredBadge({ required }: { required: boolean }) {
  return required ? (
    <Badge color="red" variant="light" style={{ minWidth: 'max-content' }}>
      Phải tổ chức
    </Badge>
  ) : (
    <Badge color="gray" variant="light" style={{ minWidth: 'max-content' }}>
      Không phải tổ chức
    </Badge>
  );
}

/**
 * Every workplace of the plan's subtree (or of one organization's, `organizationId`) with the
 * verdict fixed at publishing, and its progress, each required one linked to its meeting.
 */
export function PlanWorkplaces({ planId, organizationId }: { planId: string; organizationId?: string }) {
  const [required, setRequired] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [massesOf, setMassesOf] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['plan-workplaces', planId, organizationId, required, status, page],
    queryFn: () =>
      api.get<PlanWorkplacePage>(
        `/plans/${planId}/workplaces${queryString({ organizationId, required, status, page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const corrected = query.data?.items.find((item) => item.workplaceId === correcting);
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Phải tổ chức"
          placeholder="Tất cả"
          clearable
          data={[
            { value: 'true', label: 'Phải tổ chức' },
            { value: 'false', label: 'Không phải tổ chức' },
          ]}
          value={required}
          onChange={(value) => {
            setRequired(value);
            setPage(1);
          }}
        />
        <Select
          label="Tình trạng"
          placeholder="Tất cả"
          clearable
          data={PLAN_WORKPLACE_STATUSES.map((value) => ({
            value,
            label: PLAN_WORKPLACE_STATUS_LABELS[value],
          }))}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          w={300}
        />
        {query.data && (
          <Text size="sm" c="dimmed">
            {query.data.total} cơ quan, đơn vị
          </Text>
        )}
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>Không có cơ quan, đơn vị nào phù hợp.</EmptyState>
      ) : (
        <ResponsiveTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cơ quan, đơn vị</Table.Th>
              <Table.Th>Tổ chức đảng</Table.Th>
              <Table.Th ta="right">Quần chúng được tính</Table.Th>
              <Table.Th>Phải tổ chức</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
              <Table.Th>Bản tự phê bình</Table.Th>
              <Table.Th>Điều chỉnh</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((workplace) => (
              <Table.Tr key={workplace.workplaceId} data-testid="plan-workplace">
                <Table.Td>
                  <Anchor component={Link} to={PATHS.workplaceSelfCriticisms(planId, workplace.workplaceId)}>
                    {workplace.workplaceName}
                  </Anchor>
                </Table.Td>
                <Table.Td data-label="Tổ chức đảng">{workplace.organizationName}</Table.Td>
                <Table.Td ta="right" data-label="Quần chúng được tính">
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => setMassesOf(workplace.workplaceId)}
                    aria-label={`${workplace.countedMasses} / ${workplace.allMasses}: danh sách quần chúng được tính của ${workplace.workplaceName}`}
                  >
                    {workplace.countedMasses}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      / {workplace.allMasses}
                    </Text>
                  </Anchor>
                </Table.Td>
                <Table.Td data-label="Phải tổ chức">
                  <RequiredBadge required={workplace.required} />
                </Table.Td>
                <Table.Td data-label="Tình trạng">
                  {workplace.statusLabel}
                  {workplace.required && (
                    <Anchor
                      component={Link}
                      to={PATHS.meeting(planId, workplace.workplaceId)}
                      size="xs"
                      display="block"
                      aria-label={`Buổi họp của ${workplace.workplaceName}`}
                    >
                      Buổi họp
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td data-label="Bản tự phê bình">
                  <ReportCounts reports={workplace.reports} />
                </Table.Td>
                <Table.Td data-label="Điều chỉnh">
                  <Stack gap={4}>
                    {workplace.correction && (
                      <Text size="xs">
                        Đã điều chỉnh
                        {workplace.correction.correctedBy ? ` bởi ${workplace.correction.correctedBy}` : ''}{' '}
                        lúc {formatDateTime(workplace.correction.correctedAt)}: {workplace.correction.reason}
                      </Text>
                    )}
                    {workplace.canCorrect && (
                      <Group>
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setCorrecting(workplace.workplaceId)}
                        >
                          Điều chỉnh
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
      {massesOf && (
        <PlanDeterminationMasses planId={planId} workplaceId={massesOf} onClose={() => setMassesOf(null)} />
      )}
      {corrected && (
        <PlanCorrectionModal planId={planId} workplace={corrected} onClose={() => setCorrecting(null)} />
      )}
    </Stack>
  );
}

/** How far the members' self-criticism reports have got: accepted and waiting out of all. */
function ReportCounts({ reports }: { reports: PlanWorkplaceView['reports'] }) {
  if (reports.total === 0) {
    return (
      <Text size="sm" c="dimmed">
        Không có
      </Text>
    );
  }
  const notSent = reports.draft + reports.returned;
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {reports.accepted}/{reports.total} đã chấp nhận
      <Text span size="xs" c="dimmed" display="block">
        {reports.submitted} chờ duyệt · {notSent} chưa nộp
      </Text>
    </Text>
  );
}
