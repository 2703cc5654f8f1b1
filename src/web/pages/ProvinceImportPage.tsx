import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportJob, WorkbookErrorItem } from '../../contract/province.js';
import { api, uploadFile } from '../api.js';
import { BulkAccounts } from '../components/bulk-accounts-panel.js';
import { Section } from '../components/layout.js';
import { OrganizationPicker, type PickedOrganization } from '../components/organization-picker.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { errorMessage } from '../components/states.js';

const PHASES: Record<ImportJob['progress']['phase'], string> = {
  reading: 'Đang đọc tệp',
  checking: 'Đang kiểm tra với dữ liệu hiện có',
  applying: 'Đang ghi vào hệ thống',
  done: 'Xong',
};
const SHEETS = [
  ['organizations', 'Tổ chức đảng'],
  ['workplaces', 'Cơ quan, đơn vị'],
  ['people', 'Nhân sự'],
] as const;

function ErrorTable({ errors }: { errors: WorkbookErrorItem[] }) {
  return (
    <ResponsiveTable
      minWidth={520}
      maxHeight={420}
      scrollLabel="Danh sách lỗi"
      striped
      data-testid="workbook-errors"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Trang</Table.Th>
          <Table.Th>Dòng</Table.Th>
          <Table.Th>Cột</Table.Th>
          <Table.Th>Lỗi</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((error) => (
          <Table.Tr key={`${error.sheet}|${error.row}|${error.column}|${error.message}`}>
            <Table.Td>{error.sheet}</Table.Td>
            <Table.Td>{error.row}</Table.Td>
            <Table.Td>{error.column}</Table.Td>
            <Table.Td>{error.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}

function JobView({ job, onApply, applying }: { job: ImportJob; onApply: () => void; applying: boolean }) {
  const running = job.state === 'checking' || job.state === 'applying';
  const { phase, done, total } = job.progress;
  const preview = job.preview;
  return (
    <Stack gap="sm">
      {running && (
        <Stack gap={4}>
          <Text size="sm">
            {PHASES[phase]}
            {total > 0
              ? `: ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} dòng`
              : done > 0
                ? `: ${done.toLocaleString('vi-VN')} dòng`
                : '…'}
          </Text>
          <Progress
            aria-label="Tiến độ nhập"
            value={total > 0 ? Math.round((done / total) * 100) : 100}
            striped
            animated={total === 0}
          />
        </Stack>
      )}
      {job.state === 'failed' && job.failure && (
        <Alert color="red" title="Không nhập được; chưa có dữ liệu nào được ghi">
          {job.failure.message}
        </Alert>
      )}
      {job.failure && job.failure.errors.length > 0 && <ErrorTable errors={job.failure.errors} />}
      {preview && (
        <>
          <ResponsiveTable withTableBorder data-testid="workbook-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Trang</Table.Th>
                <Table.Th>Thêm mới</Table.Th>
                <Table.Th>Sửa</Table.Th>
                <Table.Th>Giữ nguyên</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SHEETS.map(([key, label]) => (
                <Table.Tr key={key}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>{preview.counts[key].create.toLocaleString('vi-VN')}</Table.Td>
                  <Table.Td>{preview.counts[key].update.toLocaleString('vi-VN')}</Table.Td>
                  <Table.Td>{preview.counts[key].unchanged.toLocaleString('vi-VN')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ResponsiveTable>
          {job.state === 'applied' && (
            <Alert color="green" title="Đã nhập xong">
              Mọi dòng của tệp đã được ghi vào hệ thống.
            </Alert>
          )}
          {preview.errorCount > 0 ? (
            <>
              <Alert color="red" title={`Tệp có ${preview.errorCount.toLocaleString('vi-VN')} lỗi`}>
                Chưa có gì được ghi. Sửa các ô được chỉ ra rồi tải tệp lên lại
                {preview.errorCount > preview.errors.length
                  ? ` (đang liệt kê ${preview.errors.length} lỗi đầu tiên)`
                  : ''}
                .
              </Alert>
              <ErrorTable errors={preview.errors} />
            </>
          ) : (
            job.state === 'ready' && (
              <Group>
                <Button onClick={onApply} loading={applying}>
                  Nhập (tất cả hoặc không gì cả)
                </Button>
                <Text size="sm" c="dimmed">
                  Chưa có gì được ghi cho tới khi bấm Nhập.
                </Text>
              </Group>
            )
          )}
          {preview.changes.length > 0 && (
            <ResponsiveTable
              minWidth={620}
              maxHeight={420}
              scrollLabel="Danh sách thay đổi"
              striped
              data-testid="workbook-changes"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Trang</Table.Th>
                  <Table.Th>Dòng</Table.Th>
                  <Table.Th>Mã</Table.Th>
                  <Table.Th>Tên</Table.Th>
                  <Table.Th>Thay đổi</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.changes.map((change) => (
                  <Table.Tr key={`${change.sheet}|${change.row}`}>
                    <Table.Td>{change.sheet}</Table.Td>
                    <Table.Td>{change.row}</Table.Td>
                    <Table.Td>{change.code}</Table.Td>
                    <Table.Td>{change.name}</Table.Td>
                    <Table.Td>
                      {change.action === 'create' ? (
                        <Badge color="green">Thêm mới</Badge>
                      ) : (
                        change.fields.map((field) => (
                          <Text size="sm" key={field.column}>
                            {field.column}: {field.from || '(trống)'} → {field.to || '(trống)'}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ResponsiveTable>
          )}
        </>
      )}
    </Stack>
  );
}

/** Issue 16: a province's tree, workplaces and people from one workbook, then their accounts. */
export default function ProvinceImportPage() {
  const queryClient = useQueryClient();
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const job = useQuery({
    queryKey: ['province-import', jobId],
    queryFn: () => api.get<ImportJob>(`/province-imports/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'checking' || state === 'applying' || state === undefined ? 500 : false;
    },
  });

  const upload = async () => {
    if (!organization || !file) return;
    setFailure(null);
    setJobId(null);
    setUploading(0);
    try {
      const started = await uploadFile<ImportJob>(
        `/organizations/${organization.id}/province-imports`,
        file,
        setUploading,
      );
      setJobId(started.id);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setUploading(null);
    }
  };
  const confirmApply = () => {
    const counts = job.data?.preview?.counts;
    if (!counts) return;
    const line = (label: string, count: { create: number; update: number }) =>
      `${label}: thêm ${count.create.toLocaleString('vi-VN')}, sửa ${count.update.toLocaleString('vi-VN')}`;
    modals.openConfirmModal({
      title: 'Nhập sổ vào hệ thống',
      children: (
        <Stack gap={4}>
          <Text size="sm">Nhập vào {organization?.name}:</Text>
          <Text size="sm">{line('Tổ chức đảng', counts.organizations)}</Text>
          <Text size="sm">{line('Cơ quan, đơn vị', counts.workplaces)}</Text>
          <Text size="sm">{line('Nhân sự', counts.people)}</Text>
          <Text size="sm">Cả tệp được ghi trong một lần; nếu có lỗi thì không gì được ghi.</Text>
        </Stack>
      ),
      labels: { confirm: 'Xác nhận nhập', cancel: 'Hủy' },
      onConfirm: () => void apply(),
    });
  };
  const apply = async () => {
    if (!jobId) return;
    setApplying(true);
    try {
      // Shown at once as applying (with its progress bar), then polled.
      const started = await api.post<ImportJob>(`/province-imports/${jobId}/apply`);
      queryClient.setQueryData(['province-import', jobId], started);
      await queryClient.invalidateQueries({ queryKey: ['province-import', jobId] });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setApplying(false);
    }
  };

  return (
    <Stack>
      <Title order={2}>Nhập tổ chức, cơ quan và nhân sự từ sổ Excel</Title>
      <OrganizationPicker
        label="Nhập vào tổ chức"
        description="Sổ nhập thêm và cập nhật các tổ chức, cơ quan, nhân sự bên dưới tổ chức này (trong phạm vi quản trị của bạn)."
        value={organization?.id ?? null}
        onChange={(picked) => {
          setOrganization(picked);
          setJobId(null);
        }}
        required
      />
      <Group>
        <Anchor href="/api/v1/province-workbook/template">Tải sổ mẫu (.xlsx)</Anchor>
        {organization && (
          <Anchor href={`/api/v1/organizations/${organization.id}/province-workbook.xlsx`}>
            Xuất toàn bộ {organization.name} ra sổ (sửa rồi nhập lại)
          </Anchor>
        )}
      </Group>
      {organization && (
        <Section title="Tải sổ lên để kiểm tra">
          <FileInput
            label="Tệp .xlsx"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': 'Bỏ tệp đã chọn' }}
          />
          <Group>
            <Button onClick={upload} disabled={!file} loading={uploading !== null}>
              Kiểm tra (chưa ghi gì)
            </Button>
          </Group>
          {uploading !== null && <Progress aria-label="Tải tệp lên" value={uploading} />}
          {failure && <Alert color="red">{failure}</Alert>}
          {job.data && <JobView job={job.data} onApply={confirmApply} applying={applying} />}
          {job.error && <Alert color="red">{errorMessage(job.error)}</Alert>}
        </Section>
      )}
      {organization && <BulkAccounts organization={organization} />}
    </Stack>
  );
}
