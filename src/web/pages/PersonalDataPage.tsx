import { Accordion, Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { PersonalData } from '../../contract/personal-data.js';
import {
  EMPLOYMENT_TYPE_LABELS,
  type EmploymentType,
  GENDER_LABELS,
  type Gender,
} from '../../domain/employment.js';
import {
  FEEDBACK_AREA_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  type FeedbackArea,
  type FeedbackChannel,
  type FeedbackKind,
} from '../../domain/feedback.js';
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from '../../domain/remediation.js';
import { ROLE_LABELS } from '../../domain/roles.js';
import { SELF_CRITICISM_STATUS_LABELS, type SelfCriticismStatus } from '../../domain/self-criticism.js';
import { api, formatDate, formatDateTime } from '../api.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';

const SHOWN_AUDIT_ENTRIES = 50;
const area = (value: string) => FEEDBACK_AREA_LABELS[value as FeedbackArea] ?? value;
const kind = (value: string) => FEEDBACK_KIND_LABELS[value as FeedbackKind] ?? value;

/** The accordion's value becomes part of element ids (aria-controls): letters and dashes only. */
const sectionValue = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Accordion.Item value={sectionValue(title)}>
      <Accordion.Control>
        <Group gap="xs">
          <Text fw={500}>{title}</Text>
          <Badge variant="light" color="gray">
            {count}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>{count === 0 ? <EmptyState>Không có.</EmptyState> : children}</Accordion.Panel>
    </Accordion.Item>
  );
}

function Rows({ headers, rows }: { headers: string[]; rows: ReactNode[][] }) {
  return (
    <ResponsiveTable minWidth={600} striped verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          {headers.map((header) => (
            <Table.Th key={header}>{header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((cells, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are shown once, in the server's order.
          <Table.Tr key={index}>
            {cells.map((cell, column) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed.
              <Table.Td key={column} style={{ whiteSpace: 'pre-wrap' }}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}

function Erasure({ data }: { data: PersonalData }) {
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () =>
      api.post<PersonalData>(`/people/${data.person.id}/erasure`, { version: data.person.version }),
    onSuccess: (erased) => {
      queryClient.setQueryData(['personal-data', data.person.id], erased);
      notifications.show({ color: 'green', message: 'Đã xóa dữ liệu cá nhân; các số liệu được giữ nguyên.' });
    },
  });
  if (data.person.erasedAt) {
    return (
      <Alert color="gray">
        Dữ liệu cá nhân của người này đã được xóa ngày {formatDate(data.person.erasedAt)}.
      </Alert>
    );
  }
  const confirm = () =>
    modals.openConfirmModal({
      title: 'Xóa dữ liệu cá nhân?',
      children: (
        <Text size="sm">
          Họ tên, ngày sinh, chức danh và tài khoản của {data.person.fullName} sẽ bị xóa và không khôi phục
          được. Người này vẫn được tính trong các số liệu đã có (như số quần chúng, số ý kiến), nhưng không
          còn tên. Tên đã ghi trong biên bản đã ký được giữ theo biên bản.
        </Text>
      ),
      labels: { confirm: 'Xóa dữ liệu cá nhân', cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: () => erase.mutate(),
    });
  return (
    <Stack gap="xs">
      {data.retention.erasureRefusal ? (
        <Text size="sm" c="dimmed">
          {data.retention.erasureRefusal}
        </Text>
      ) : (
        <Text size="sm">Đã hết thời hạn lưu giữ: có thể xóa dữ liệu cá nhân của người này.</Text>
      )}
      {erase.isError && <ErrorNotice error={erase.error} title="Không xóa được" />}
      <Group>
        <Button
          color="red"
          variant="light"
          disabled={Boolean(data.retention.erasureRefusal)}
          onClick={confirm}
        >
          Xóa dữ liệu cá nhân
        </Button>
      </Group>
    </Stack>
  );
}

function PersonalDataView({ data }: { data: PersonalData }) {
  const { person } = data;
  const facts: [string, ReactNode][] = [
    ['Họ và tên', person.fullName],
    ['Mã', person.code],
    ['Ngày sinh', formatDate(person.birthDate)],
    ['Giới tính', person.gender ? (GENDER_LABELS[person.gender as Gender] ?? person.gender) : ''],
    ['Chức danh', person.jobTitle],
    [
      'Loại lao động',
      EMPLOYMENT_TYPE_LABELS[person.employmentType as EmploymentType] ?? person.employmentType,
    ],
    ['Cơ quan, đơn vị', person.workplaceName],
    ['Đảng viên', person.isPartyMember ? `Có – ${person.cellName ?? ''}` : 'Không (quần chúng)'],
    ['Chức vụ Đảng, chính quyền', [person.partyOffice, person.governmentOffice].filter(Boolean).join('; ')],
    ['Lần tham gia gần nhất', formatDate(data.retention.lastInvolvementAt)],
  ];
  const base = `/api/v1/people/${person.id}/personal-data`;
  return (
    <Stack>
      <Paper withBorder p="lg">
        <Stack>
          <Rows headers={['Mục', 'Nội dung']} rows={facts.map(([label, value]) => [label, value])} />
          <Group>
            <Button component="a" href={`${base}.json`} download variant="default">
              Tải JSON
            </Button>
            <Button component="a" href={`${base}.xlsx`} download variant="default">
              Tải Excel
            </Button>
          </Group>
          {!person.isPartyMember && <Erasure data={data} />}
        </Stack>
      </Paper>
      <Accordion multiple variant="separated" defaultValue={[sectionValue('Tài khoản')]}>
        <Section title="Tài khoản" count={data.accounts.length}>
          <Rows
            headers={['Tên đăng nhập', 'Tên hiển thị', 'Vai trò', 'Xác thực hai lớp', 'Phiên đang mở']}
            rows={data.accounts.map((account) => [
              account.username,
              account.displayName,
              account.roles.map((role) => `${ROLE_LABELS[role.role]} – ${role.organizationName}`).join('\n'),
              account.secondFactor ? 'Có' : 'Không',
              account.openSessions,
            ])}
          />
        </Section>
        <Section title="Bản tự phê bình" count={data.selfCriticisms.length}>
          <Rows
            headers={['Năm', 'Trạng thái', 'Nội dung', 'Nhận xét của cấp ủy']}
            rows={data.selfCriticisms.map((report) => [
              report.planYear,
              SELF_CRITICISM_STATUS_LABELS[report.status as SelfCriticismStatus] ?? report.status,
              Object.values(report.content).filter(Boolean).join('\n\n'),
              report.committeeComment,
            ])}
          />
        </Section>
        <Section title="Dự họp" count={data.attendance.length}>
          <Rows
            headers={['Ngày họp', 'Cơ quan, đơn vị', 'Có mặt', 'Lý do vắng']}
            rows={data.attendance.map((row) => [
              formatDate(row.meetingDay),
              row.workplaceName,
              row.present ? 'Có' : 'Không',
              row.absenceReason ?? '',
            ])}
          />
        </Section>
        <Section title="Ý kiến về người này (không ghi người góp ý)" count={data.opinionsAbout.length}>
          <Rows
            headers={['Ngày họp', 'Hình thức', 'Lĩnh vực', 'Loại', 'Nội dung']}
            rows={data.opinionsAbout.map((row) => [
              formatDate(row.meetingDay),
              FEEDBACK_CHANNEL_LABELS[row.channel as FeedbackChannel] ?? row.channel,
              area(row.area),
              kind(row.kind),
              row.text,
            ])}
          />
        </Section>
        <Section title="Tổng hợp ý kiến" count={data.compiledPoints.length}>
          <Rows
            headers={['Ngày họp', 'Lĩnh vực', 'Nội dung', 'Kết luận']}
            rows={data.compiledPoints.map((row) => [
              formatDate(row.meetingDay),
              area(row.area),
              row.text,
              row.conclusion === 'accepted' ? 'Tiếp thu' : row.conclusion === 'explained' ? 'Giải trình' : '',
            ])}
          />
        </Section>
        <Section title="Việc khắc phục" count={data.remediationItems.length}>
          <Rows
            headers={['Việc', 'Hạn', 'Tình trạng']}
            rows={data.remediationItems.map((item) => [
              item.action,
              formatDate(item.deadline),
              REMEDIATION_STATUS_LABELS[item.status as RemediationStatus] ?? item.status,
            ])}
          />
        </Section>
        <Section title="Ý kiến người này ghi tên" count={data.ownOpinions.length}>
          <Rows
            headers={['Ngày', 'Nội dung']}
            rows={data.ownOpinions.map((row) => [formatDate(row.day), row.text])}
          />
        </Section>
        <Section title="Nhật ký liên quan" count={data.auditEntries.length}>
          <Rows
            headers={['Thời điểm', 'Người thực hiện', 'Hành động', 'Các trường']}
            rows={data.auditEntries
              .slice(0, SHOWN_AUDIT_ENTRIES)
              .map((entry) => [
                formatDateTime(entry.at),
                entry.by ?? '',
                entry.action,
                entry.fields.join(', '),
              ])}
          />
          {data.auditEntries.length > SHOWN_AUDIT_ENTRIES && (
            <Text size="sm" c="dimmed">
              Hiện {SHOWN_AUDIT_ENTRIES} mục gần nhất; tải Excel để xem đủ.
            </Text>
          )}
        </Section>
      </Accordion>
    </Stack>
  );
}

/** S8: everything held about one person, for an administrator (issue 13). */
export default function PersonalDataPage() {
  const { id = '' } = useParams();
  const data = useQuery({
    queryKey: ['personal-data', id],
    queryFn: () => api.get<PersonalData>(`/people/${id}/personal-data`),
  });
  return (
    <Stack maw={1000}>
      <Title order={2}>Dữ liệu cá nhân{data.data ? ` – ${data.data.person.fullName}` : ''}</Title>
      <Text size="sm" c="dimmed">
        Mọi dữ liệu hệ thống đang giữ về một người, theo Nghị định 13/2023/NĐ-CP và Luật Bảo vệ dữ liệu cá
        nhân. Việc xem và tải dữ liệu này được ghi vào nhật ký.
      </Text>
      {data.isPending ? (
        <Loading />
      ) : data.isError ? (
        <ErrorNotice error={data.error} />
      ) : (
        <PersonalDataView data={data.data} />
      )}
    </Stack>
  );
}
