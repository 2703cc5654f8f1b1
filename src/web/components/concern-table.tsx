import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ConcernSummary } from '../../contract/concerns.js';
import { formatDateTime } from '../api.js';
import { PATHS } from '../paths.js';
import { ConcernStatusBadge } from './concern-status-badge.js';
import { ResponsiveTable } from './responsive-table.js';

/** Concerns with who raised them, about which plan, and when the thread last moved. */
export function ConcernTable({
  concerns,
  showPlan = true,
}: {
  concerns: ConcernSummary[];
  showPlan?: boolean;
}) {
  return (
    <ResponsiveTable minWidth={720} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tiêu đề</Table.Th>
          <Table.Th>Tổ chức nêu</Table.Th>
          {showPlan && <Table.Th>Kế hoạch</Table.Th>}
          <Table.Th>Tình trạng</Table.Th>
          <Table.Th>Trao đổi gần nhất</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {concerns.map((concern) => (
          <Table.Tr key={concern.id}>
            <Table.Td>
              <Anchor component={Link} to={PATHS.concern(concern.id)}>
                {concern.subject}
              </Anchor>
            </Table.Td>
            <Table.Td>{concern.raisedByOrganizationName}</Table.Td>
            {showPlan && (
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={PATHS.plan(concern.planId)} size="sm">
                    Số {concern.planNumber}-{concern.planSymbol}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {concern.issuerOrganizationName}
                  </Text>
                </Stack>
              </Table.Td>
            )}
            <Table.Td>
              <ConcernStatusBadge status={concern.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(concern.lastMessageAt)}
              <Text size="xs" c="dimmed">
                {concern.messageCount} tin
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
