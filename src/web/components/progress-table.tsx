import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { ProgressCountsView, ProgressRow } from '../../contract/progress.js';
import { ProgressBar } from './progress-chart.js';
import { ProgressFlags } from './progress-flags.js';
import { PROGRESS_COUNT_LABELS } from './progress-stages.js';

type SortKey = 'name' | keyof ProgressCountsView;
const COLUMNS: (keyof ProgressCountsView)[] = [
  'workplaces',
  'required',
  'exempt',
  'scheduled',
  'held',
  'minutesSigned',
  'compiled',
  'reported',
];

function sortRows(rows: ProgressRow[], key: SortKey, ascending: boolean): ProgressRow[] {
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const order =
      key === 'name'
        ? a.organization.name.localeCompare(b.organization.name, 'vi')
        : a.counts[key] - b.counts[key];
    return sign * order || a.organization.name.localeCompare(b.organization.name, 'vi');
  });
}

/** The children of a node: click a header to sort, a name to go down one level. */
export function ProgressTable({
  rows,
  onDrill,
}: {
  rows: ProgressRow[];
  onDrill: (organizationId: string) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'name', ascending: true });
  const sorted = sortRows(rows, sort.key, sort.ascending);
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'right') => {
    const active = sort.key === key;
    return (
      <Table.Th
        ta={align}
        aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
        style={{ whiteSpace: 'nowrap' }}
      >
        <UnstyledButton
          fw={700}
          fz="sm"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : key === 'name' })}
        >
          {label}
          {active ? (sort.ascending ? ' ▲' : ' ▼') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {header('name', 'Tổ chức', 'left')}
            {COLUMNS.map((column) => (
              <Fragment key={column}>{header(column, PROGRESS_COUNT_LABELS[column])}</Fragment>
            ))}
            <Table.Th>Biểu đồ</Table.Th>
            <Table.Th>Cảnh báo</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.organization.id} data-testid="progress-row">
              <Table.Td miw={220}>
                {row.organization.hasChildren ? (
                  <Anchor
                    component="button"
                    type="button"
                    ta="left"
                    onClick={() => onDrill(row.organization.id)}
                  >
                    {row.organization.name}
                  </Anchor>
                ) : (
                  <Text size="sm">{row.organization.name}</Text>
                )}
              </Table.Td>
              {COLUMNS.map((column) => (
                <Table.Td key={column} ta="right">
                  {row.counts[column]}
                </Table.Td>
              ))}
              <Table.Td>
                <ProgressBar counts={row.counts} />
              </Table.Td>
              <Table.Td>
                <ProgressFlags row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
