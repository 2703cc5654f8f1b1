import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { OwnSession } from '../../contract/account-security.js';
import { api, formatDateTime } from '../api.js';
import { PATHS } from '../paths.js';
import { ME_KEY } from '../session.js';
import { ResponsiveTable } from './responsive-table.js';
import { ErrorNotice, Loading } from './states.js';

const SESSIONS_KEY = ['me', 'sessions'] as const;

/** S3, issue 13: the person's own sessions; one or all of them can be ended. */
export function OwnSessionsPanel() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => api.get<{ items: OwnSession[] }>('/me/sessions'),
  });
  const signedOut = () => {
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
    navigate(PATHS.login);
  };
  const endOne = useMutation({
    mutationFn: (session: OwnSession) => api.delete(`/me/sessions/${session.id}`),
    onSuccess: async (_, session) => {
      if (session.current) signedOut();
      else await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  const endAll = useMutation({ mutationFn: () => api.delete('/me/sessions'), onSuccess: signedOut });
  const confirmEndAll = () =>
    modals.openConfirmModal({
      title: 'Đăng xuất khỏi mọi thiết bị?',
      children: (
        <Text size="sm">
          Mọi phiên đăng nhập của bạn sẽ kết thúc, kể cả phiên trên máy này, và các máy đã dùng không còn được
          tin cậy khi đăng nhập. Dùng khi nghi có người khác dùng tài khoản của bạn.
        </Text>
      ),
      labels: { confirm: 'Đăng xuất khỏi mọi thiết bị', cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: () => endAll.mutate(),
    });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={4}>Các phiên đăng nhập</Title>
        {sessions.isPending ? (
          <Loading />
        ) : sessions.isError ? (
          <ErrorNotice error={sessions.error} />
        ) : (
          <ResponsiveTable minWidth={520} striped aria-label="Các phiên đăng nhập">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thiết bị</Table.Th>
                <Table.Th>Đăng nhập lúc</Table.Th>
                <Table.Th>Dùng gần nhất</Table.Th>
                <Table.Th aria-label="Thao tác" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{session.device}</Text>
                      {session.current && (
                        <Badge size="sm" variant="light">
                          Máy này
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => endOne.mutate(session)}
                      loading={endOne.isPending && endOne.variables?.id === session.id}
                    >
                      Đăng xuất
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ResponsiveTable>
        )}
        {endOne.isError && <ErrorNotice error={endOne.error} title="Không đăng xuất được phiên này" />}
        {endAll.isError && <ErrorNotice error={endAll.error} title="Không đăng xuất được" />}
        <Group>
          <Button color="red" variant="light" onClick={confirmEndAll} loading={endAll.isPending}>
            Đăng xuất khỏi mọi thiết bị
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
