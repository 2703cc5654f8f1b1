import { Table } from '@mantine/core';
import type { PlanDetail } from '../../contract/plans.js';
import { formatDate, formatDateTime } from '../api.js';
import { ResponsiveTable } from './responsive-table.js';

/** Every change of a published plan's deadlines, with who made it and why. */
export function PlanDeadlineHistory({ changes }: { changes: PlanDetail['deadlineChanges'] }) {
  return (
    <ResponsiveTable minWidth={640} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Thời điểm</Table.Th>
          <Table.Th>Thời hạn</Table.Th>
          <Table.Th>Từ ngày</Table.Th>
          <Table.Th>Sang ngày</Table.Th>
          <Table.Th>Lý do</Table.Th>
          <Table.Th>Người đổi</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(change.at)}</Table.Td>
            <Table.Td>{change.deadlineLabel}</Table.Td>
            <Table.Td>{formatDate(change.fromDate)}</Table.Td>
            <Table.Td>{formatDate(change.toDate)}</Table.Td>
            <Table.Td>{change.reason}</Table.Td>
            <Table.Td>{change.changedBy ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
