import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../domain/password-policy.js';
import { api } from '../api.js';
import { errorMessage } from '../components/states.js';
import { ME_KEY } from '../session.js';

export function ChangePasswordPage({ required = false }: { required?: boolean }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== repeat) {
      setError('Mật khẩu nhập lại không khớp.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.put('/me/password', { currentPassword, newPassword });
      notifications.show({ color: 'green', message: 'Đã đổi mật khẩu.' });
      setCurrent('');
      setNew('');
      setRepeat('');
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3}>Đổi mật khẩu</Title>
          {required && (
            <Alert color="yellow">
              Đây là lần đăng nhập đầu tiên hoặc mật khẩu vừa được đặt lại: hãy đặt mật khẩu mới.
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <PasswordInput
            label="Mật khẩu hiện tại"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrent(event.currentTarget.value)}
          />
          <PasswordInput
            label="Mật khẩu mới"
            description={`Ít nhất ${MIN_PASSWORD_LENGTH} ký tự, có cả chữ và số, không chứa tên đăng nhập.`}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNew(event.currentTarget.value)}
          />
          <PasswordInput
            label="Nhập lại mật khẩu mới"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            Đổi mật khẩu
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
