import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Person } from '../../contract/people.js';
import { EMPLOYMENT_TYPE_LABELS } from '../../domain/employment.js';
import { formatDate } from '../api.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState } from './states.js';

export interface PersonActions {
  onEdit(person: Person): void;
  onDelete(person: Person): void;
  onLeave(person: Person): void;
  onReturn(person: Person): void;
  onCancelLeaving(person: Person): void;
}

function ActionsCell({ person, actions }: { person: Person; actions?: PersonActions }) {
  if (!actions) return null;
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-xs"
          variant="light"
          aria-label={`Sửa ${person.fullName}`}
          onClick={() => actions.onEdit(person)}
        >
          Sửa
        </Button>
        <Button
          size="compact-xs"
          variant="light"
          color="orange"
          aria-label={`Nghỉ việc: ${person.fullName}`}
          onClick={() => actions.onLeave(person)}
        >
          Nghỉ việc
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          aria-label={`Xóa ${person.fullName}`}
          onClick={() => actions.onDelete(person)}
        >
          Xóa
        </Button>
      </Group>
    </Table.Td>
  );
}

/** A leaving announced for a day still ahead: the person works there until then. */
function LeavingNote({ person }: { person: Person }) {
  if (!person.leftOn) return null;
  return (
    <Text size="xs" c="orange">
      Nghỉ việc từ {formatDate(person.leftOn)} ({person.leavingReason})
    </Text>
  );
}

function PeopleTable({ minWidth, head, rows }: { minWidth: number; head: ReactNode; rows: ReactNode }) {
  return (
    <ResponsiveTable minWidth={minWidth} striped highlightOnHover>
      <Table.Thead>{head}</Table.Thead>
      <Table.Tbody>{rows}</Table.Tbody>
    </ResponsiveTable>
  );
}

export function MembersTable({ people, actions }: { people: Person[]; actions?: PersonActions }) {
  if (people.length === 0) return <EmptyState>Cơ quan, đơn vị này chưa có đảng viên.</EmptyState>;
  return (
    <PeopleTable
      minWidth={760}
      head={
        <Table.Tr>
          <Table.Th>Họ và tên</Table.Th>
          <Table.Th>Ngày sinh</Table.Th>
          <Table.Th>Chức danh</Table.Th>
          <Table.Th>Chức vụ Đảng</Table.Th>
          <Table.Th>Chức vụ chính quyền</Table.Th>
          <Table.Th>Mẫu tự phê bình</Table.Th>
          {actions && <Table.Th aria-label="Thao tác" />}
        </Table.Tr>
      }
      rows={people.map((person) => (
        <Table.Tr key={person.id}>
          <Table.Td>
            {person.fullName}
            {person.isCommitteeMember && (
              <Text size="xs" c="dimmed">
                Cấp ủy viên
              </Text>
            )}
            <LeavingNote person={person} />
          </Table.Td>
          <Table.Td>{formatDate(person.birthDate)}</Table.Td>
          <Table.Td>{person.jobTitle}</Table.Td>
          <Table.Td>{person.partyOffice}</Table.Td>
          <Table.Td>{person.governmentOffice}</Table.Td>
          <Table.Td>
            {person.withOffice ? (
              <Badge color="orange" variant="light" tt="none">
                có chức vụ
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                không chức vụ
              </Text>
            )}
          </Table.Td>
          <ActionsCell person={person} actions={actions} />
        </Table.Tr>
      ))}
    />
  );
}

export function MassesTable({ people, actions }: { people: Person[]; actions?: PersonActions }) {
  if (people.length === 0) return <EmptyState>Cơ quan, đơn vị này chưa có quần chúng.</EmptyState>;
  return (
    <PeopleTable
      minWidth={620}
      head={
        <Table.Tr>
          <Table.Th>Họ và tên</Table.Th>
          <Table.Th>Chức danh</Table.Th>
          <Table.Th>Loại lao động</Table.Th>
          <Table.Th>Được tính</Table.Th>
          {actions && <Table.Th aria-label="Thao tác" />}
        </Table.Tr>
      }
      rows={people.map((person) => (
        <Table.Tr key={person.id}>
          <Table.Td>
            {person.fullName}
            <LeavingNote person={person} />
          </Table.Td>
          <Table.Td>{person.jobTitle}</Table.Td>
          <Table.Td>{EMPLOYMENT_TYPE_LABELS[person.employmentType]}</Table.Td>
          <Table.Td>
            {person.countedMass ? (
              <Badge color="green" variant="light" tt="none">
                được tính
              </Badge>
            ) : (
              <Badge color="gray" variant="light" tt="none">
                không tính
              </Badge>
            )}
          </Table.Td>
          <ActionsCell person={person} actions={actions} />
        </Table.Tr>
      ))}
    />
  );
}

function periodText({ startedOn, leftOn }: Person['periods'][number]): string {
  const end = leftOn ? `đến ${formatDate(leftOn)}` : 'đến nay';
  return startedOn
    ? `Từ ${formatDate(startedOn)} ${end}`
    : `${end[0]!.toUpperCase()}${end.slice(1)} (chưa ghi ngày vào làm)`;
}

/** People who no longer work there: kept with their leaving day and reason (history, not deletion). */
export function LeftPeopleTable({ people, actions }: { people: Person[]; actions?: PersonActions }) {
  if (people.length === 0) return <EmptyState>Không có ai đã nghỉ việc.</EmptyState>;
  return (
    <PeopleTable
      minWidth={700}
      head={
        <Table.Tr>
          <Table.Th>Họ và tên</Table.Th>
          <Table.Th>Đảng viên / quần chúng</Table.Th>
          <Table.Th>Thời gian làm việc</Table.Th>
          <Table.Th>Lý do nghỉ</Table.Th>
          {actions && <Table.Th aria-label="Thao tác" />}
        </Table.Tr>
      }
      rows={people.map((person) => (
        <Table.Tr key={person.id}>
          <Table.Td>{person.fullName}</Table.Td>
          <Table.Td>{person.isPartyMember ? 'Đảng viên' : 'Quần chúng'}</Table.Td>
          <Table.Td>
            {person.periods.map((period) => (
              <Text size="sm" key={`${period.startedOn}-${period.leftOn}`}>
                {periodText(period)}
              </Text>
            ))}
          </Table.Td>
          <Table.Td>{person.leavingReason}</Table.Td>
          {actions && (
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={`Đi làm lại: ${person.fullName}`}
                  onClick={() => actions.onReturn(person)}
                >
                  Đi làm lại
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Hủy ghi nhầm: ${person.fullName}`}
                  onClick={() => actions.onCancelLeaving(person)}
                >
                  Hủy ghi nhầm
                </Button>
              </Group>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    />
  );
}
