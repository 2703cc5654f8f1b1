import { Group, Pagination, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { CONCERN_STATUS_LABELS, CONCERN_STATUSES, type ConcernSummary } from '../../contract/concerns.js';
import { api, queryString } from '../api.js';
import { ConcernTable } from '../components/concern-table.js';
import { usePlansQuery } from '../components/plan-queries.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';

const PAGE_SIZE = 50;

interface ConcernPageData {
  items: ConcernSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export default function ConcernsPage() {
  const [search, setSearch] = useSearchParams();
  const status = search.get('status');
  const planId = search.get('planId');
  const page = Number(search.get('page') ?? '1') || 1;
  const plans = usePlansQuery();
  const query = useQuery({
    queryKey: ['concerns', 'list', status, planId, page],
    queryFn: () =>
      api.get<ConcernPageData>(`/concerns${queryString({ status, planId, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const filter = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setSearch(next);
  };
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;

  return (
    <Stack>
      <Title order={2}>Khó khăn, vướng mắc</Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Tình trạng"
          placeholder="Tất cả"
          clearable
          data={CONCERN_STATUSES.map((value) => ({ value, label: CONCERN_STATUS_LABELS[value] }))}
          value={status}
          onChange={(value) => filter('status', value)}
        />
        <Select
          label="Kế hoạch"
          placeholder="Tất cả"
          clearable
          searchable
          data={(plans.data ?? [])
            .filter((plan) => plan.status === 'published')
            .map((plan) => ({
              value: plan.id,
              label: `Số ${plan.fullNumber} (${plan.year}) – ${plan.organizationName}`,
            }))}
          value={planId}
          onChange={(value) => filter('planId', value)}
          w={{ base: '100%', sm: 420 }}
        />
        {query.data && (
          <Text size="sm" c="dimmed">
            {query.data.total} khó khăn, vướng mắc
          </Text>
        )}
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>Không có khó khăn, vướng mắc nào phù hợp.</EmptyState>
      ) : (
        <ConcernTable concerns={query.data.items} />
      )}
      {pages > 1 && (
        <Pagination
          value={page}
          total={pages}
          onChange={(value) => {
            const next = new URLSearchParams(search);
            next.set('page', String(value));
            setSearch(next);
          }}
        />
      )}
    </Stack>
  );
}
