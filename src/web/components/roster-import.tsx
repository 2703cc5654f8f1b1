import { Alert, Anchor, Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RosterImportResult, RosterImportRowError } from '../../contract/people.js';
import { ApiError, uploadFile } from '../api.js';
import { ResponsiveTable } from './responsive-table.js';
import { errorMessage } from './states.js';

type ImportState =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number }
  | { step: 'done'; result: RosterImportResult }
  | { step: 'failed'; message: string; rows: RosterImportRowError[] };

/** The per-row report of a refused import: `{ details: { rows: [{ row, column, message }] } }`. */
function rowErrors(error: unknown): RosterImportRowError[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { rows?: unknown } | undefined;
  return Array.isArray(details?.rows) ? (details.rows as RosterImportRowError[]) : [];
}

function ImportErrors({ rows }: { rows: RosterImportRowError[] }) {
  return (
    <ResponsiveTable minWidth={420} maxHeight={360} striped data-testid="import-errors">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Dòng</Table.Th>
          <Table.Th>Cột</Table.Th>
          <Table.Th>Lỗi</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.row}|${row.column}|${row.message}`}>
            <Table.Td>{row.row}</Table.Td>
            <Table.Td>{row.column}</Table.Td>
            <Table.Td>{row.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}

/** Template, export and import of a workplace's roster; `canImport` for roster keepers only. */
export function RosterSection({ workplaceId, canImport }: { workplaceId: string; canImport: boolean }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const upload = async () => {
    if (!file) return;
    setState({ step: 'uploading', percent: 0 });
    try {
      const result = await uploadFile<RosterImportResult>(
        `/workplaces/${workplaceId}/roster-imports`,
        file,
        (percent) => setState({ step: 'uploading', percent }),
      );
      setState({ step: 'done', result });
      setFile(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['workplace', workplaceId] }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
        queryClient.invalidateQueries({ queryKey: ['workplaces'] }),
        queryClient.invalidateQueries({ queryKey: ['organization'] }),
      ]);
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error), rows: rowErrors(error) });
    }
  };

  const uploading = state.step === 'uploading';
  return (
    <Stack gap="sm">
      <Group gap="md">
        <Anchor href="/api/v1/roster-template" download>
          Tải mẫu danh sách
        </Anchor>
        <Anchor href={`/api/v1/workplaces/${workplaceId}/roster.xlsx`} download>
          Xuất danh sách (Excel)
        </Anchor>
      </Group>
      {canImport && (
        <>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput
              label="Chọn tệp Excel"
              placeholder="Tệp .xlsx theo mẫu"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                if (!uploading) setState({ step: 'idle' });
              }}
              clearable
              disabled={uploading}
              style={{ flex: '1 1 240px', minWidth: 0 }}
            />
            <Button onClick={upload} disabled={!file} loading={uploading}>
              Nhập danh sách
            </Button>
          </Group>
          {state.step === 'uploading' && (
            <Stack gap={4} role="status" aria-live="polite">
              <Progress value={state.percent} size="lg" striped animated aria-label="Tiến độ tải lên" />
              <Text size="sm">
                {state.percent < 100
                  ? `Đang tải lên: ${state.percent}%`
                  : 'Đã tải lên 100%, đang kiểm tra dữ liệu…'}
              </Text>
            </Stack>
          )}
          {state.step === 'done' && (
            <Alert color="green" role="status" title="Nhập danh sách thành công">
              Đã nhập: {state.result.created} thêm mới, {state.result.updated} cập nhật,{' '}
              {state.result.unchanged} không đổi
            </Alert>
          )}
          {state.step === 'failed' && (
            <Alert color="red" role="alert" title="Chưa nhập được danh sách">
              <Stack gap="xs">
                <Text size="sm">{state.message}</Text>
                {state.rows.length > 0 && (
                  <Text size="sm">
                    Không có dòng nào được nhập. Sửa các lỗi dưới đây trong tệp rồi nhập lại.
                  </Text>
                )}
              </Stack>
            </Alert>
          )}
          {state.step === 'failed' && state.rows.length > 0 && <ImportErrors rows={state.rows} />}
        </>
      )}
    </Stack>
  );
}
