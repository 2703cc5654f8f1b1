import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { ReportChildView } from '../../contract/reports.js';
import { formatDate } from '../api.js';
import { PATHS } from '../paths.js';
import { ReportStateBadge } from './report-state-badge.js';
import { ResponsiveTable } from './responsive-table.js';

/** The reports due to an organization: each with its deadline, submission day and state, linked to the report. */
export function ReportChildrenTable({ planId, items }: { planId: string; items: ReportChildView[] }) {
  return (
    <ResponsiveTable minWidth={640} withTableBorder striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tổ chức</Table.Th>
          <Table.Th>Hạn nộp</Table.Th>
          <Table.Th>Ngày nộp</Table.Th>
          <Table.Th>Tình trạng</Table.Th>
          <Table.Th ta="right">Đã tổ chức / phải tổ chức</Table.Th>
          <Table.Th ta="right">Ý kiến</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.organization.id}>
            <Table.Td>
              <Anchor component={Link} to={PATHS.report(planId, item.organization.id)}>
                {item.organization.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDate(item.dueOn)}</Table.Td>
            <Table.Td>{formatDate(item.submittedOn)}</Table.Td>
            <Table.Td>
              <ReportStateBadge state={item.state} />
            </Table.Td>
            <Table.Td ta="right">
              {item.figures.workplacesHeld} / {item.figures.workplacesRequired}
            </Table.Td>
            <Table.Td ta="right">{item.figures.opinions}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
