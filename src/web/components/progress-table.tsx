import { Anchor, Stack, Switch, Table, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { ProgressCountsView, ProgressRow } from '../../contract/progress.js';
import { ProgressBar } from './progress-chart.js';
import { ProgressFlags } from './progress-flags.js';
import { PROGRESS_COUNT_LABELS } from './progress-stages.js';
import { ResponsiveTable } from './responsive-table.js';

type SortKey = 'name' | keyof ProgressCountsView;
/** Shown always: what a reader checks first. */
const MAIN_COLUMNS: (keyof ProgressCountsView)[] = ['required', 'held', 'reported'];
/** Shown on "Hiện thêm các cột": the steps in between. */
const MORE_COLUMNS: (keyof ProgressCountsView)[] = [
  'workplaces',
  'exempt',
  'scheduled',
  'minutesSigned',
  'compiled',
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

/**
 * The children of a node: click a header to sort, a name to go down one level (to its children,
 * or for a cell to its workplaces and their meetings). The name, the warnings, the chart and the
 * main counts come first so the table fits 1366 px; the other counts are behind a switch. On a
 * phone each row is a card.
 */
export function ProgressTable({
  rows,
  onDrill,
}: {
  rows: ProgressRow[];
  onDrill: (organizationId: string) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'name', ascending: true });
  const [more, setMore] = useState(false);
  const columns = more ? [...MAIN_COLUMNS, ...MORE_COLUMNS] : MAIN_COLUMNS;
  const sorted = sortRows(rows, sort.key, sort.ascending);
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'right') => {
    const active = sort.key === key;
    return (
      <Table.Th ta={align} aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton
          fw={700}
          fz="sm"
          ta={align}
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : key === 'name' })}
        >
          {label}
          {active ? (sort.ascending ? ' ▲' : ' ▼') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Stack gap="xs">
      <Switch
        label="Hiện thêm các cột (cơ quan, đơn vị; không phải tổ chức; đã lên lịch; đã ký biên bản; đã tổng hợp)"
        checked={more}
        onChange={(event) => setMore(event.currentTarget.checked)}
      />
      <ResponsiveTable striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {header('name', 'Tổ chức', 'left')}
            <Table.Th>Cảnh báo</Table.Th>
            <Table.Th>Biểu đồ</Table.Th>
            {columns.map((column) => (
              <Fragment key={column}>{header(column, PROGRESS_COUNT_LABELS[column])}</Fragment>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.organization.id} data-testid="progress-row">
              <Table.Td miw={200}>
                <Anchor
                  component="button"
                  type="button"
                  ta="left"
                  onClick={() => onDrill(row.organization.id)}
                  title={
                    row.organization.hasChildren
                      ? 'Xem các tổ chức trực thuộc'
                      : 'Xem các cơ quan, đơn vị và buổi họp'
                  }
                >
                  {row.organization.name}
                </Anchor>
              </Table.Td>
              <Table.Td data-label="Cảnh báo">
                <ProgressFlags row={row} />
              </Table.Td>
              <Table.Td data-label="Biểu đồ" miw={140}>
                <ProgressBar counts={row.counts} />
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column} ta="right" data-label={PROGRESS_COUNT_LABELS[column]}>
                  {row.counts[column]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ResponsiveTable>
    </Stack>
  );
}
