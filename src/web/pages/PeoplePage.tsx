import { Box, Group, Pagination, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Person } from '../../contract/people.js';
import { api, queryString } from '../api.js';
import { OrganizationPicker, type PickedOrganization } from '../components/organization-picker.js';
import { PeopleTable } from '../components/people-table.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { useHasRole } from '../session.js';

const PAGE_SIZE = 25;

type Membership = 'all' | 'true' | 'false';

function membershipFrom(value: string | null): Membership {
  return value === 'true' || value === 'false' ? value : 'all';
}

interface PeoplePageData {
  items: Person[];
  /** At most 1 000: the server stops counting there and sets `totalCapped`. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export default function PeoplePage() {
  const administrator = useHasRole('administrator');
  // Search, membership and page live in the address so that "back" from a workplace restores them.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [q] = useDebouncedValue(search.trim(), 300);
  const membership = membershipFrom(params.get('dang-vien'));
  const page = Math.max(1, Math.trunc(Number(params.get('trang'))) || 1);
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const setPage = (value: number) => update({ trang: value > 1 ? String(value) : null });

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
          onChange={(event) => update({ q: event.currentTarget.value, trang: null })}
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
          onChange={(value) => update({ 'dang-vien': value === 'all' ? null : value, trang: null })}
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
            {people.data.totalCapped
              ? `Tìm thấy hơn ${people.data.total.toLocaleString('vi-VN')} người: gõ thêm họ tên hoặc chọn tổ chức để thu hẹp.`
              : `Tìm thấy ${people.data.total.toLocaleString('vi-VN')} người.`}
          </Text>
          <PeopleTable people={people.data.items} personalData={administrator} />
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
        </>
      )}
    </Stack>
  );
}
