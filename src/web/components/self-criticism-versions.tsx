import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ManifestationAnswer } from '../../domain/self-criticism.js';
import { api, formatDateTime, queryString } from '../api.js';
import { ResponsiveTable } from './responsive-table.js';
import { selfCriticismPath } from './self-criticism-queries.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

interface VersionView {
  version: number;
  action: string;
  statusLabel: string;
  accountName: string | null;
  at: string;
}

interface VersionDiff {
  changes: { field: string; label: string; before: unknown; after: unknown }[];
}

const ACTION_LABELS: Record<string, string> = {
  saved: 'Lưu',
  submitted: 'Gửi cấp ủy',
  returned: 'Trả lại',
  accepted: 'Thông qua',
  commented: 'Nhận xét của cấp ủy',
  summarized: 'Tóm tắt',
  header: 'Sửa thông tin đầu bản',
  created: 'Lập bản trống khi ban hành kế hoạch',
};

function isAnswer(value: unknown): value is ManifestationAnswer {
  return typeof value === 'object' && value !== null && 'none' in value && 'items' in value;
}

function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'string') return value;
  if (isAnswer(value))
    return value.none
      ? 'Không có biểu hiện nào'
      : value.items.map((item) => `${item.number}${item.remark ? ` (${item.remark})` : ''}`).join(', ') ||
          '(chưa nêu)';
  return JSON.stringify(value);
}

function VersionChanges({ reportId, from, to }: { reportId: string; from: number; to: number }) {
  const query = useQuery({
    queryKey: ['self-criticisms', 'diff', reportId, from, to],
    queryFn: () =>
      api.get<VersionDiff>(`${selfCriticismPath(reportId)}/versions/diff${queryString({ from, to })}`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.data.changes.length === 0) return <EmptyState>Không có thay đổi giữa hai phiên bản.</EmptyState>;
  return (
    <ResponsiveTable minWidth={640} data-testid="version-diff" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Mục</Table.Th>
          <Table.Th>Phiên bản {from}</Table.Th>
          <Table.Th>Phiên bản {to}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {query.data.changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td fw={600}>{change.label}</Table.Td>
            <Table.Td bg="red.0" style={{ whiteSpace: 'pre-wrap' }}>
              {shownValue(change.before)}
            </Table.Td>
            <Table.Td bg="green.0" style={{ whiteSpace: 'pre-wrap' }}>
              {shownValue(change.after)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}

/** Every kept version of a report (who did what, when), and what changed between two of them. */
export function SelfCriticismVersions({
  reportId,
  currentVersion,
}: {
  reportId: string;
  currentVersion: number;
}) {
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [compared, setCompared] = useState<[number, number] | null>(null);
  const query = useQuery({
    queryKey: ['self-criticisms', 'versions', reportId, currentVersion],
    queryFn: () => api.get<{ items: VersionView[] }>(`${selfCriticismPath(reportId)}/versions`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const versions = query.data.items;
  if (versions.length === 0) return <EmptyState>Chưa có phiên bản nào được lưu.</EmptyState>;
  const options = versions.map((item) => ({
    value: String(item.version),
    label: `Phiên bản ${item.version}: ${ACTION_LABELS[item.action] ?? item.action}`,
  }));
  return (
    <Stack>
      <ResponsiveTable striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Phiên bản</Table.Th>
            <Table.Th>Thao tác</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
            <Table.Th>Người thực hiện</Table.Th>
            <Table.Th>Thời gian</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((item) => (
            <Table.Tr key={item.version} data-testid="self-criticism-version">
              <Table.Td data-label="Phiên bản">{item.version}</Table.Td>
              <Table.Td data-label="Thao tác">{ACTION_LABELS[item.action] ?? item.action}</Table.Td>
              <Table.Td data-label="Trạng thái">{item.statusLabel}</Table.Td>
              <Table.Td data-label="Người thực hiện">
                {item.accountName ?? (item.action === 'created' ? 'Hệ thống' : '')}
              </Table.Td>
              <Table.Td data-label="Thời gian">{formatDateTime(item.at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ResponsiveTable>
      {versions.length > 1 && (
        <Group align="flex-end" wrap="wrap">
          <Select label="Từ phiên bản" data={options} value={from} onChange={setFrom} w={280} />
          <Select label="Đến phiên bản" data={options} value={to} onChange={setTo} w={280} />
          <Button
            variant="light"
            disabled={!from || !to || from === to}
            onClick={() => setCompared([Number(from), Number(to)])}
          >
            So sánh
          </Button>
        </Group>
      )}
      {compared && <VersionChanges reportId={reportId} from={compared[0]} to={compared[1]} />}
      {!compared && versions.length > 1 && (
        <Alert color="gray" variant="light">
          <Text size="sm">Chọn hai phiên bản rồi bấm "So sánh" để xem những mục đã thay đổi.</Text>
        </Alert>
      )}
    </Stack>
  );
}
