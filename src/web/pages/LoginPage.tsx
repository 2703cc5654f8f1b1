import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../../contract/auth.js';
import { ApiError, api } from '../api.js';
import { errorMessage } from '../components/states.js';
import { ME_KEY } from '../session.js';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  /** Set once the password was right and the account asks for its one-time code too. */
  const [askingCode, setAskingCode] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Nhập tên đăng nhập và mật khẩu.');
      return;
    }
    if (askingCode && !code.trim()) {
      setError('Nhập mã xác thực trên ứng dụng (hoặc một mã dự phòng).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/sessions', {
        username: username.trim(),
        password,
        ...(askingCode ? { code: code.trim() } : {}),
      });
      queryClient.setQueryData(ME_KEY, me);
      navigate(from === '/dang-nhap' ? '/' : from, { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'second_factor_required') {
        // The password was right: it stays, and the code is asked for.
        setAskingCode(true);
        setError(askingCode ? failure.message : null);
        setCode('');
      } else {
        setError(errorMessage(failure));
        setPassword('');
        setAskingCode(false);
        setCode('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={380}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={3} ta="center">
              Tự phê bình và phê bình trước quần chúng
            </Title>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            {askingCode ? (
              <>
                <Text size="sm">
                  Tài khoản <b>{username.trim()}</b> đã bật xác thực hai lớp. Mở ứng dụng xác thực trên điện
                  thoại và nhập mã 6 chữ số đang hiện. Mất điện thoại thì nhập một mã dự phòng.
                </Text>
                <TextInput
                  label="Mã xác thực"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  autoFocus
                />
              </>
            ) : (
              <>
                <TextInput
                  label="Tên đăng nhập"
                  autoComplete="username"
                  value={username}
                  onChange={(event) => setUsername(event.currentTarget.value)}
                  autoFocus
                />
                <PasswordInput
                  label="Mật khẩu"
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                />
              </>
            )}
            <Button type="submit" loading={busy}>
              {askingCode ? 'Xác nhận' : 'Đăng nhập'}
            </Button>
            {askingCode && (
              <Button
                variant="subtle"
                onClick={() => {
                  setAskingCode(false);
                  setPassword('');
                  setCode('');
                  setError(null);
                }}
              >
                Đăng nhập bằng tài khoản khác
              </Button>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
