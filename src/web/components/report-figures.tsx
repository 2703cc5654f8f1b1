import { SimpleGrid, Table, Text } from '@mantine/core';
import type { ReportFiguresView } from '../../contract/reports.js';
import {
  FEEDBACK_AREA_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
} from '../../domain/feedback.js';
import { ResponsiveTable } from './responsive-table.js';

const MAIN_ROWS: [string, (figures: ReportFiguresView) => number][] = [
  ['Cơ quan, đơn vị phải tổ chức', (f) => f.workplacesRequired],
  ['Không phải tổ chức (dưới mức quần chúng)', (f) => f.workplacesExempt],
  ['Đã tổ chức', (f) => f.workplacesHeld],
  ['Đảng viên đã tự phê bình', (f) => f.membersSelfCriticized],
  ['Vắng mặt có lý do chính đáng', (f) => f.membersAbsentValid],
  ['Vắng mặt không có lý do chính đáng', (f) => f.membersAbsentInvalid],
  ['Quần chúng dự họp', (f) => f.massesPresent],
  ['Ý kiến đóng góp', (f) => f.opinions],
  ['Ý kiến trái chiều', (f) => f.opinionsDissenting],
  ['Nội dung thuộc trách nhiệm tập thể', (f) => f.pointsCollective],
  ['Nội dung thuộc trách nhiệm cá nhân', (f) => f.pointsIndividual],
  ['Việc khắc phục đã đề ra', (f) => f.remediationItems],
  ['Việc khắc phục đã hoàn thành', (f) => f.remediationDone],
];

function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  // Wrapped so that a short table keeps its own height beside a long one in the grid.
  return (
    <div>
      <ResponsiveTable withTableBorder striped captionSide="top">
        <Table.Caption>
          <Text fw={600} ta="left">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nội dung</Table.Th>
            <Table.Th ta="right">Số lượng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="right">{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ResponsiveTable>
    </div>
  );
}

const breakdown = <K extends string>(
  labels: Record<K, string>,
  counts: Record<K, number>,
): [string, number][] => (Object.keys(labels) as K[]).map((key) => [labels[key], counts[key]]);

/** The report's statistics: the main figures, then the opinions by channel, area and kind. */
export function ReportFiguresTables({ figures }: { figures: ReportFiguresView }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <CountTable caption="Số liệu chung" rows={MAIN_ROWS.map(([label, value]) => [label, value(figures)])} />
      <CountTable
        caption="Ý kiến theo hình thức"
        rows={breakdown(FEEDBACK_CHANNEL_LABELS, figures.opinionsByChannel)}
      />
      <CountTable
        caption="Ý kiến theo lĩnh vực"
        rows={breakdown(FEEDBACK_AREA_LABELS, figures.opinionsByArea)}
      />
      <CountTable caption="Ý kiến theo loại" rows={breakdown(FEEDBACK_KIND_LABELS, figures.opinionsByKind)} />
    </SimpleGrid>
  );
}
