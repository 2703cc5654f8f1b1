import { Badge, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DeterminationMasses } from '../../contract/plans.js';
import { EMPLOYMENT_TYPE_LABELS } from '../../domain/employment.js';
import { api, formatDate } from '../api.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

/** Who the determination counted, as the roster stood on the plan's reference date. */
export function PlanDeterminationMasses({
  planId,
  workplaceId,
  onClose,
}: {
  planId: string;
  workplaceId: string;
  onClose: () => void;
}) {
  const query = useQuery({
    queryKey: ['plan-workplace-masses', planId, workplaceId],
    queryFn: () => api.get<DeterminationMasses>(`/plans/${planId}/workplaces/${workplaceId}/masses`),
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={query.data?.workplaceName ?? 'Quần chúng được tính'}>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : (
        <Stack>
          <Text size="sm">
            Danh sách quần chúng đang làm việc tại ngày {formatDate(query.data.referenceDate)} (ngày ban hành
            kế hoạch): {query.data.countedMasses} người được tính trên tổng số {query.data.allMasses}. Danh
            sách này được giữ nguyên dù danh sách nhân sự thay đổi về sau.
          </Text>
          {query.data.people.length === 0 ? (
            <EmptyState>Không có quần chúng nào làm việc tại ngày đó.</EmptyState>
          ) : (
            <ResponsiveTable minWidth={480} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Mã</Table.Th>
                  <Table.Th>Họ và tên</Table.Th>
                  <Table.Th>Loại lao động</Table.Th>
                  <Table.Th>Được tính</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.people.map((person) => (
                  <Table.Tr key={person.personId}>
                    <Table.Td>{person.code}</Table.Td>
                    <Table.Td>{person.fullName}</Table.Td>
                    <Table.Td>{EMPLOYMENT_TYPE_LABELS[person.employmentType]}</Table.Td>
                    <Table.Td>
                      <Badge color={person.counted ? 'green' : 'gray'} variant="light" tt="none">
                        {person.counted ? 'được tính' : 'không tính'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ResponsiveTable>
          )}
        </Stack>
      )}
    </Modal>
  );
}
