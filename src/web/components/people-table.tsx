import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Person } from '../../contract/people.js';
import { formatDate } from '../api.js';
import { PATHS } from '../paths.js';
import { ResponsiveTable } from './responsive-table.js';

/**
 * People found by a search: who they are, where they work, and whether they are party members.
 * Administrators also get the way to a person's data (S8).
 */
export function PeopleTable({ people, personalData = false }: { people: Person[]; personalData?: boolean }) {
  return (
    <ResponsiveTable minWidth={760} striped highlightOnHover verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Họ và tên</Table.Th>
          <Table.Th>Ngày sinh</Table.Th>
          <Table.Th>Cơ quan, đơn vị</Table.Th>
          <Table.Th>Chức vụ</Table.Th>
          <Table.Th>Đảng viên</Table.Th>
          <Table.Th>Chức vụ đảng</Table.Th>
          {personalData && <Table.Th>Dữ liệu cá nhân</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr key={person.id}>
            <Table.Td fw={500}>{person.fullName}</Table.Td>
            <Table.Td>{formatDate(person.birthDate)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={PATHS.workplace(person.workplaceId)} size="sm">
                {person.workplaceName}
              </Anchor>
            </Table.Td>
            <Table.Td>{person.jobTitle}</Table.Td>
            <Table.Td>
              {person.isPartyMember ? (
                <Stack gap={2} align="flex-start">
                  <Badge color="red" variant="light" miw="max-content">
                    Đảng viên
                  </Badge>
                  {person.organizationName && (
                    <Text size="xs" c="dimmed">
                      {person.organizationName}
                    </Text>
                  )}
                </Stack>
              ) : (
                <Badge color="gray" variant="light" miw="max-content">
                  Quần chúng
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{person.partyOffice}</Table.Td>
            {personalData && (
              <Table.Td>
                <Anchor
                  component={Link}
                  to={PATHS.personalData(person.id)}
                  size="sm"
                  aria-label={`Xem dữ liệu cá nhân của ${person.fullName}`}
                >
                  Xem
                </Anchor>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
