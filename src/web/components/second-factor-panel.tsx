import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Image,
  List,
  Modal,
  Paper,
  PasswordInput,
  PinInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { SecondFactorEnrolment, SecondFactorView } from '../../contract/account-security.js';
import { api } from '../api.js';
import { ME_KEY } from '../session.js';
import { ErrorNotice, errorMessage, Loading } from './states.js';

const STATUS_KEY = ['me', 'second-factor'] as const;

/** "JBSW Y3DP EHPK 3PXP": the key in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const download = () => {
    const text = [
      'Mã dự phòng đăng nhập — Tự phê bình và phê bình trước quần chúng',
      'Mỗi mã dùng được một lần, khi không có điện thoại. Cất ở nơi an toàn.',
      '',
      ...codes,
      '',
    ].join('\n');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    link.download = 'ma-du-phong.txt';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Stack>
      <Alert color="yellow" title="Lưu các mã dự phòng ngay bây giờ">
        Mỗi mã dùng được một lần để đăng nhập khi không có điện thoại. Hệ thống chỉ hiện các mã này một lần:
        hãy tải về hoặc in ra và cất ở nơi an toàn.
      </Alert>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" data-testid="recovery-codes">
        {codes.map((code) => (
          <Code key={code} fz="md" ta="center">
            {code}
          </Code>
        ))}
      </SimpleGrid>
      <Group>
        <Button variant="light" onClick={download}>
          Tải các mã về máy
        </Button>
        <Button onClick={onDone}>Tôi đã lưu các mã</Button>
      </Group>
    </Stack>
  );
}

function Enrolment({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: () => api.post<SecondFactorEnrolment>('/me/second-factor/enrolment'),
    onSuccess: setEnrolment,
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/me/second-factor/confirmation', { code }),
    onSuccess: (answer) => onEnabled(answer.recoveryCodes),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.length === 6) confirm.mutate();
  };
  if (!enrolment) {
    return (
      <Stack align="flex-start">
        <Text size="sm">
          Khi bật, mỗi lần đăng nhập bạn nhập thêm mã 6 chữ số do ứng dụng xác thực trên điện thoại tạo ra
          (Google Authenticator, Microsoft Authenticator, FreeOTP…). Người biết mật khẩu của bạn cũng không
          đăng nhập được nếu không có điện thoại.
        </Text>
        {start.isError && <ErrorNotice error={start.error} title="Không bật được" />}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          Bật xác thực hai lớp
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <List type="ordered" size="sm" spacing="xs">
          <List.Item>
            Mở ứng dụng xác thực trên điện thoại, chọn thêm tài khoản và quét mã QR dưới đây.
          </List.Item>
          <List.Item>Không quét được thì nhập khóa bí mật bằng tay (loại: theo thời gian).</List.Item>
          <List.Item>Nhập mã 6 chữ số ứng dụng đang hiện để xác nhận.</List.Item>
        </List>
        <Group align="flex-start" wrap="wrap">
          <Image
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt="Mã QR để thêm tài khoản vào ứng dụng xác thực"
            w={200}
            h={200}
            bg="white"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Khóa bí mật
            </Text>
            <Code fz="md" data-testid="totp-secret">
              {grouped(enrolment.secret)}
            </Code>
          </Stack>
        </Group>
        {confirm.isError && (
          <Alert color="red" role="alert">
            {errorMessage(confirm.error)}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Mã 6 chữ số trên ứng dụng
          </Text>
          <PinInput
            length={6}
            type="number"
            oneTimeCode
            value={code}
            onChange={setCode}
            ariaLabel="Mã 6 chữ số trên ứng dụng"
          />
        </Stack>
        <Group>
          <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6}>
            Xác nhận và bật
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A password check before replacing the recovery codes or turning two-factor off. */
function PasswordModal({
  title,
  action,
  color,
  opened,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  title: string;
  action: string;
  color?: string;
  opened: boolean;
  onClose: () => void;
  onConfirm: (password: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [password, setPassword] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (password) onConfirm(password);
        }}
        noValidate
      >
        <Stack>
          {error ? (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          ) : null}
          <PasswordInput
            label="Mật khẩu hiện tại"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button type="submit" color={color} loading={pending} disabled={!password}>
              {action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Issue 13: the signed-in person's own two-factor sign-in, with its recovery codes. */
export function SecondFactorPanel() {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => api.get<SecondFactorView>('/me/second-factor'),
  });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [asking, setAsking] = useState<'codes' | 'off' | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
  const replaceCodes = useMutation({
    mutationFn: (password: string) =>
      api.post<{ recoveryCodes: string[] }>('/me/second-factor/recovery-codes', { password }),
    onSuccess: (answer) => {
      setAsking(null);
      setCodes(answer.recoveryCodes);
    },
  });
  const turnOff = useMutation({
    mutationFn: (password: string) => api.delete('/me/second-factor', { password }),
    onSuccess: async () => {
      setAsking(null);
      await refresh();
    },
  });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>Xác thực hai lớp</Title>
          {status.data && (
            <Badge color={status.data.enabled ? 'green' : 'gray'} variant="light">
              {status.data.enabled ? 'Đang bật' : 'Chưa bật'}
            </Badge>
          )}
        </Group>
        {status.isPending ? (
          <Loading />
        ) : status.isError ? (
          <ErrorNotice error={status.error} />
        ) : codes ? (
          <RecoveryCodes
            codes={codes}
            onDone={async () => {
              setCodes(null);
              await refresh();
            }}
          />
        ) : status.data.enabled ? (
          <Stack align="flex-start">
            <Text size="sm">
              Mỗi lần đăng nhập, bạn nhập thêm mã trên ứng dụng xác thực. Còn{' '}
              <b>{status.data.recoveryCodesLeft}</b> mã dự phòng chưa dùng.
            </Text>
            {status.data.required && (
              <Text size="sm" c="dimmed">
                Cài đặt của hệ thống bắt buộc vai trò của bạn dùng xác thực hai lớp.
              </Text>
            )}
            <Group>
              <Button variant="light" onClick={() => setAsking('codes')}>
                Tạo mã dự phòng mới
              </Button>
              {!status.data.required && (
                <Button variant="light" color="red" onClick={() => setAsking('off')}>
                  Tắt xác thực hai lớp
                </Button>
              )}
            </Group>
          </Stack>
        ) : (
          <>
            {status.data.required && (
              <Alert color="yellow" title="Bắt buộc với vai trò của bạn">
                Quản trị viên và Ban Tổ chức phải bật xác thực hai lớp trước khi dùng hệ thống.
              </Alert>
            )}
            <Enrolment onEnabled={setCodes} />
          </>
        )}
      </Stack>
      <PasswordModal
        key={`codes-${asking === 'codes'}`}
        title="Tạo mã dự phòng mới (các mã cũ hết hiệu lực)"
        action="Tạo mã mới"
        opened={asking === 'codes'}
        onClose={() => setAsking(null)}
        onConfirm={(password) => replaceCodes.mutate(password)}
        pending={replaceCodes.isPending}
        error={replaceCodes.error}
      />
      <PasswordModal
        key={`off-${asking === 'off'}`}
        title="Tắt xác thực hai lớp"
        action="Tắt xác thực hai lớp"
        color="red"
        opened={asking === 'off'}
        onClose={() => setAsking(null)}
        onConfirm={(password) => turnOff.mutate(password)}
        pending={turnOff.isPending}
        error={turnOff.error}
      />
    </Paper>
  );
}
