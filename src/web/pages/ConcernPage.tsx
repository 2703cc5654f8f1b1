import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ConcernDetail } from '../../contract/concerns.js';
import { api, formatDateTime } from '../api.js';
import { ConcernReply } from '../components/concern-reply.js';
import { ConcernStatusBadge } from '../components/concern-status-badge.js';
import { ConcernThread } from '../components/concern-thread.js';
import { Section } from '../components/layout.js';
import { ErrorNotice, errorMessage, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

export default function ConcernPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['concern', id],
    queryFn: () => api.get<ConcernDetail>(`/concerns/${id}`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const concern = query.data;

  const confirmClose = () =>
    modals.openConfirmModal({
      title: 'Đóng khó khăn, vướng mắc',
      children: (
        <Text size="sm">
          Đóng "{concern.subject}"? Sau khi đóng, hai bên vẫn xem được nội dung trao đổi nhưng không gửi thêm
          được.
        </Text>
      ),
      labels: { confirm: 'Đóng', cancel: 'Hủy' },
      onConfirm: async () => {
        try {
          const closed = await api.post<ConcernDetail>(`/concerns/${concern.id}/close`, {
            version: concern.version,
          });
          queryClient.setQueryData(['concern', id], closed);
          notifications.show({ color: 'green', message: 'Đã đóng khó khăn, vướng mắc.' });
        } catch (error) {
          notifications.show({ color: 'red', title: 'Không đóng được', message: errorMessage(error) });
          await queryClient.invalidateQueries({ queryKey: ['concern', id] });
        }
        await queryClient.invalidateQueries({ queryKey: ['concerns'] });
      },
    });

  return (
    <Stack>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={PATHS.concerns}>
          Khó khăn, vướng mắc
        </Anchor>
        <Text size="sm">{concern.subject}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>{concern.subject}</Title>
          <Group gap="xs">
            <ConcernStatusBadge status={concern.status} />
            {concern.closedAt && (
              <Text size="xs" c="dimmed">
                Đóng lúc {formatDateTime(concern.closedAt)}
              </Text>
            )}
          </Group>
          <Text size="sm">
            {concern.raisedByOrganizationName} nêu với {concern.issuerOrganizationName} về{' '}
            <Anchor component={Link} to={PATHS.plan(concern.planId)}>
              Kế hoạch Số {concern.planNumber}-{concern.planSymbol}
            </Anchor>
          </Text>
        </Stack>
        {concern.permissions.close && (
          <Button variant="light" color="red" onClick={confirmClose}>
            Đóng
          </Button>
        )}
      </Group>
      <Section title={`Nội dung trao đổi (${concern.messages.length})`}>
        <ConcernThread concern={concern} />
        {concern.permissions.reply && <ConcernReply concern={concern} />}
      </Section>
    </Stack>
  );
}
