import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Me } from '../../contract/auth.js';
import { ApiError, api } from '../api.js';
import { ME_KEY, useMe } from '../session.js';
import { errorMessage } from './states.js';

/** The person's own address for the daily reminder digest (empty: no e-mail). */
export function ReminderEmailForm() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(me.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (value: string) => api.put<Me>('/me/email', { email: value }),
    onSuccess: (updated) => {
      setError(null);
      queryClient.setQueryData(ME_KEY, updated);
      notifications.show({
        color: 'green',
        message: updated.email
          ? `Thư nhắc việc sẽ gửi tới ${updated.email}.`
          : 'Đã bỏ địa chỉ: bạn sẽ không nhận thư nhắc việc.',
      });
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiError && failure.issues[0] ? failure.issues[0].message : errorMessage(failure),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(email);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="thu-nhac-viec">
      <Stack gap="xs">
        <Title order={3} size="h5" id="thu-nhac-viec">
          Nhận thư nhắc việc
        </Title>
        <Text size="sm" c="dimmed">
          Mỗi ngày nhiều nhất một thư, khi có việc còn 7, 3 hoặc 1 ngày đến hạn. Để trống nếu không muốn nhận
          thư.
        </Text>
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Địa chỉ thư điện tử"
            inputMode="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={error}
            style={{ flex: '1 1 220px', maxWidth: 420 }}
            autoComplete="email"
          />
          <Button type="submit" loading={save.isPending}>
            Lưu địa chỉ
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
