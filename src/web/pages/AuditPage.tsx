import { Anchor, Code, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry } from '../../contract/audit.js';
import { api, formatDateTime, queryString } from '../api.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';

const PAGE_SIZE = 50;

const ACTION_LABELS: Record<string, string> = {
  'account.created': 'Tạo tài khoản',
  'account.updated': 'Sửa tài khoản',
  'account.password_reset': 'Đặt lại mật khẩu',
  'account.password_changed': 'Đổi mật khẩu',
  'account.email_changed': 'Đổi địa chỉ nhận thư nhắc việc',
  'role.granted': 'Giao vai trò',
  'role.revoked': 'Bỏ vai trò',
  'organization.created': 'Tạo tổ chức',
  'organization.updated': 'Sửa tổ chức',
  'organization.moved': 'Chuyển tổ chức',
  'organization.closed': 'Đóng tổ chức',
  'organization.reopened': 'Mở lại tổ chức',
  'workplace.created': 'Tạo cơ quan, đơn vị',
  'workplace.updated': 'Sửa cơ quan, đơn vị',
  'workplace.closed': 'Đóng cơ quan, đơn vị',
  'workplace.reopened': 'Mở lại cơ quan, đơn vị',
  'person.created': 'Thêm nhân sự',
  'person.updated': 'Sửa nhân sự',
  'person.deleted': 'Xóa nhân sự',
  'roster.imported': 'Nhập danh sách từ tệp XLSX',
  'settings.eligibility_updated': 'Sửa quy tắc tổ chức họp',
  'settings.security_updated': 'Sửa cài đặt bảo mật và dữ liệu cá nhân',
  'account.second_factor_enrolment_started': 'Bắt đầu bật xác thực hai lớp',
  'account.second_factor_enabled': 'Bật xác thực hai lớp',
  'account.second_factor_disabled': 'Tắt xác thực hai lớp',
  'account.second_factor_reset': 'Quản trị viên tắt xác thực hai lớp',
  'account.recovery_codes_replaced': 'Tạo mã dự phòng mới',
  'account.session_ended': 'Đăng xuất một phiên',
  'account.signed_out_everywhere': 'Đăng xuất khỏi mọi thiết bị',
  'person.personal_data_read': 'Xem dữ liệu cá nhân',
  'person.personal_data_exported': 'Tải dữ liệu cá nhân',
  'person.erased': 'Xóa dữ liệu cá nhân',
  'self-criticism.read': 'Xem bản tự phê bình',
  'self-criticism.document.read': 'Tải bản tự phê bình',
  'self-criticism.versions.read': 'Xem các phiên bản của bản tự phê bình',
  'self-criticisms.summary-list.read': 'Tải danh sách tóm tắt',
  'self-criticisms.zip.read': 'Tải các bản tự phê bình của cơ quan',
  'opinions.live.read': 'Xem ý kiến tại buổi họp',
  'opinions.phone-forms.read': 'Xem phiếu góp ý qua điện thoại',
  'opinions.written-forms.read': 'Xem phiếu góp ý bằng văn bản',
  'minutes.read': 'Xem biên bản',
  'minutes.document.read': 'Tải biên bản',
  'compilation.read': 'Xem tổng hợp ý kiến',
  'compilation.document.read': 'Tải tổng hợp ý kiến',
  'remediation.read': 'Xem kế hoạch khắc phục',
  'remediation.document.read': 'Tải kế hoạch khắc phục',
  'year-end.members.read': 'Xem kết quả của đảng viên',
};

const TARGET_LABELS: Record<string, string> = {
  account: 'Tài khoản',
  organization: 'Tổ chức',
  workplace: 'Cơ quan, đơn vị',
  person: 'Nhân sự',
  settings: 'Cài đặt',
  plan: 'Kế hoạch',
  plan_workplace: 'Cơ quan, đơn vị trong kế hoạch',
  self_criticism: 'Bản tự phê bình',
  meeting: 'Buổi họp',
  meeting_response: 'Ý kiến giải trình tại buổi họp',
  feedback: 'Ý kiến góp ý',
  feedback_form: 'Phiếu góp ý',
  minutes: 'Biên bản',
  compilation: 'Tổng hợp ý kiến',
  compilation_point: 'Ý kiến trong bản tổng hợp',
  remediation_item: 'Việc khắc phục',
  remediation_comment: 'Ý kiến về việc khắc phục',
  report: 'Báo cáo',
  concern: 'Khó khăn, vướng mắc',
};

/** Prefixes ending in a dot match every action on that kind of target (see listAuditQuery). */
const ACTION_FILTERS = [
  {
    group: 'Theo đối tượng',
    items: [
      { value: 'account.', label: 'Mọi thao tác về tài khoản' },
      { value: 'role.', label: 'Mọi thao tác về vai trò' },
      { value: 'organization.', label: 'Mọi thao tác về tổ chức' },
      { value: 'workplace.', label: 'Mọi thao tác về cơ quan, đơn vị' },
      { value: 'person.', label: 'Mọi thao tác về nhân sự' },
    ],
  },
  {
    group: 'Thao tác',
    items: Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })),
  },
];

interface AuditPageData {
  items: AuditEntry[];
  /** At most 1 000: the server stops counting there and sets `totalCapped`. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** "field: old → new" per changed field; a new record has no old values, so only the new ones show. */
function ChangedFields({ changes }: { changes: AuditEntry['changes'] }) {
  const fields = Object.entries(changes).filter(
    ([, change]) => !(isEmpty(change.from) && isEmpty(change.to)),
  );
  const created = fields.every(([, change]) => isEmpty(change.from));
  if (fields.length === 0) return null;
  return (
    <Stack gap={2}>
      {fields.map(([field, change]) => (
        <Text key={field} size="xs" style={{ overflowWrap: 'anywhere' }}>
          <Code>{field}</Code>: {/* The values as recorded (codes, ids, text), not words of the interface. */}
          <span translate="no">
            {created ? formatValue(change.to) : `${formatValue(change.from)} → ${formatValue(change.to)}`}
          </span>
        </Text>
      ))}
    </Stack>
  );
}

export default function AuditPage() {
  const [action, setAction] = useState<string | null>(null);
  const [targetInput, setTargetInput] = useState('');
  const [targetId] = useDebouncedValue(targetInput.trim(), 300);
  const [page, setPage] = useState(1);

  const filters = { action, targetId };
  const entries = useQuery({
    queryKey: ['audit-entries', filters, page],
    queryFn: () =>
      api.get<AuditPageData>(`/audit-entries${queryString({ ...filters, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const pages = entries.data ? Math.max(1, Math.ceil(entries.data.total / entries.data.pageSize)) : 1;

  const filterByTarget = (id: string) => {
    setTargetInput(id);
    setPage(1);
  };

  return (
    <Stack>
      <Title order={2}>Nhật ký thay đổi</Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Thao tác"
          placeholder="Mọi thao tác"
          data={ACTION_FILTERS}
          value={action}
          onChange={(value) => {
            setAction(value);
            setPage(1);
          }}
          searchable
          clearable
          nothingFoundMessage="Không có thao tác phù hợp."
          w={{ base: '100%', sm: 300 }}
        />
        <TextInput
          label="Mã đối tượng"
          placeholder="Dán mã định danh"
          type="search"
          value={targetInput}
          onChange={(event) => filterByTarget(event.currentTarget.value)}
          w={{ base: '100%', sm: 340 }}
        />
      </Group>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <ErrorNotice error={entries.error} />
      ) : entries.data.items.length === 0 ? (
        <EmptyState>Không có thay đổi nào phù hợp.</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {entries.data.totalCapped
              ? `Hơn ${entries.data.total.toLocaleString('vi-VN')} thay đổi phù hợp: chọn thêm điều kiện lọc để thu hẹp.`
              : `${entries.data.total.toLocaleString('vi-VN')} thay đổi phù hợp.`}
          </Text>
          <ResponsiveTable minWidth={860} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thời điểm</Table.Th>
                <Table.Th>Tài khoản</Table.Th>
                <Table.Th>Thao tác</Table.Th>
                <Table.Th>Đối tượng</Table.Th>
                <Table.Th>Nội dung thay đổi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.accountName ?? 'Hệ thống'}</Table.Td>
                  <Table.Td>
                    {/* An action without a Vietnamese name yet shows its code, marked as a code. */}
                    {ACTION_LABELS[entry.action] ?? <Code>{entry.action}</Code>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {TARGET_LABELS[entry.targetType] ?? <Code>{entry.targetType}</Code>}
                    </Text>
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      c="dimmed"
                      title="Xem mọi thay đổi của đối tượng này"
                      onClick={() => filterByTarget(entry.targetId)}
                      translate="no"
                      style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
                    >
                      {entry.targetId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ChangedFields changes={entry.changes} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ResponsiveTable>
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
        </>
      )}
    </Stack>
  );
}
