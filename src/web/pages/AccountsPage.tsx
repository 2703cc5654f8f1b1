import { Alert, Box, Button, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Account } from '../../contract/accounts.js';
import { api, queryString } from '../api.js';
import { AccountCreateModal } from '../components/account-create-modal.js';
import { AccountDetailDrawer } from '../components/account-detail-drawer.js';
import { ACCOUNTS_KEY } from '../components/account-queries.js';
import { AccountTable } from '../components/account-table.js';
import { OrganizationPicker, type PickedOrganization } from '../components/organization-picker.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { useHasRole } from '../session.js';

const PAGE_SIZE = 25;

interface AccountsPageData {
  items: Account[];
  total: number;
  page: number;
  pageSize: number;
}

export default function AccountsPage() {
  const isAdministrator = useHasRole('administrator');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [page, setPage] = useState(1);
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [createOpened, createModal] = useDisclosure(false);

  const accounts = useQuery({
    queryKey: [...ACCOUNTS_KEY, 'list', q, organization?.id, page],
    queryFn: () =>
      api.get<AccountsPageData>(
        `/accounts${queryString({ q, organizationId: organization?.id, page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
    enabled: isAdministrator,
  });

  if (!isAdministrator) {
    return (
      <Alert color="yellow" title="Không có quyền" role="alert">
        Chỉ quản trị hệ thống mới quản lý được tài khoản và vai trò.
      </Alert>
    );
  }
  const pages = accounts.data ? Math.max(1, Math.ceil(accounts.data.total / accounts.data.pageSize)) : 1;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Tài khoản và vai trò</Title>
        <Button onClick={createModal.open}>Tạo tài khoản</Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Tìm tài khoản"
          placeholder="Tên đăng nhập hoặc tên hiển thị"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 320 }}
        />
        <Box w={{ base: '100%', sm: 320 }}>
          <OrganizationPicker
            label="Thuộc tổ chức"
            description="Tài khoản của tổ chức này và các tổ chức trực thuộc."
            placeholder="Mọi tổ chức trong phạm vi"
            value={organization?.id ?? null}
            onChange={(picked) => {
              setOrganization(picked);
              setPage(1);
            }}
            clearable
          />
        </Box>
      </Group>
      {accounts.isPending ? (
        <Loading />
      ) : accounts.isError ? (
        <ErrorNotice error={accounts.error} />
      ) : accounts.data.items.length === 0 ? (
        <EmptyState>Không có tài khoản phù hợp.</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {accounts.data.total} tài khoản.
          </Text>
          <AccountTable accounts={accounts.data.items} onOpen={(account) => setOpenedId(account.id)} />
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
        </>
      )}
      <AccountCreateModal
        opened={createOpened}
        onClose={createModal.close}
        onCreated={(account) => {
          createModal.close();
          setOpenedId(account.id);
        }}
      />
      <AccountDetailDrawer accountId={openedId} onClose={() => setOpenedId(null)} />
    </Stack>
  );
}
