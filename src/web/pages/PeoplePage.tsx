import { Box, Group, Pagination, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Person } from '../../contract/people.js';
import { api, queryString } from '../api.js';
import { OrganizationPicker, type PickedOrganization } from '../components/organization-picker.js';
import { PeopleTable } from '../components/people-table.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';

const PAGE_SIZE = 25;

type Membership = 'all' | 'true' | 'false';

interface PeoplePageData {
  items: Person[];
  total: number;
  page: number;
  pageSize: number;
}

export default function PeoplePage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [membership, setMembership] = useState<Membership>('all');
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [page, setPage] = useState(1);

  const filters = {
    q,
    isPartyMember: membership === 'all' ? undefined : membership,
    organizationId: organization?.id,
  };
  const people = useQuery({
    queryKey: ['people', 'search', filters, page],
    queryFn: () =>
      api.get<PeoplePageData>(`/people${queryString({ ...filters, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  const pages = people.data ? Math.max(1, Math.ceil(people.data.total / people.data.pageSize)) : 1;

  return (
    <Stack>
      <Title order={2}>Tìm nhân sự</Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Họ và tên"
          placeholder="Ví dụ: nguyen van tam"
          description="Có thể gõ không dấu."
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 280 }}
        />
        <Box w={{ base: '100%', sm: 320 }}>
          <OrganizationPicker
            label="Thuộc tổ chức"
            description="Cả các tổ chức trực thuộc."
            placeholder="Mọi tổ chức trong phạm vi"
            value={organization?.id ?? null}
            onChange={(picked) => {
              setOrganization(picked);
              setPage(1);
            }}
            clearable
          />
        </Box>
        <SegmentedControl
          aria-label="Lọc theo đảng viên"
          value={membership}
          onChange={(value) => {
            setMembership(value as Membership);
            setPage(1);
          }}
          data={[
            { value: 'all', label: 'Tất cả' },
            { value: 'true', label: 'Đảng viên' },
            { value: 'false', label: 'Quần chúng' },
          ]}
        />
      </Group>
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorNotice error={people.error} />
      ) : people.data.items.length === 0 ? (
        <EmptyState>Không tìm thấy nhân sự phù hợp.</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            Tìm thấy {people.data.total} người.
          </Text>
          <PeopleTable people={people.data.items} />
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
        </>
      )}
    </Stack>
  );
}
