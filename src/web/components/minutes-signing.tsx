import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MinutesView } from '../../contract/minutes.js';
import { MINUTES_CAPACITIES, MINUTES_CAPACITY_LABELS, type MinutesCapacity } from '../../domain/minutes.js';
import { api, formatDateTime } from '../api.js';
import { FormActions } from './layout.js';
import { minutesKey, uploadPaperSignature } from './minutes-queries.js';
import { ResponsiveTable } from './responsive-table.js';
import { errorMessage } from './states.js';

type Dialog = { capacity: MinutesCapacity; method: 'account' | 'paper' } | null;

function SignDialog({
  meetingId,
  dialog,
  onClose,
}: {
  meetingId: string;
  dialog: Dialog;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [signerName, setSignerName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setUsername('');
    setPassword('');
    setSignerName('');
    setFile(null);
    setError(null);
    onClose();
  };
  const sign = useMutation({
    mutationFn: async () => {
      if (!dialog) throw new Error('no dialog');
      if (dialog.method === 'account') {
        return api.post<MinutesView>(`/meetings/${meetingId}/minutes/signatures`, {
          capacity: dialog.capacity,
          username,
          password,
        });
      }
      if (!file) throw new Error('Chưa chọn bản chụp biên bản đã ký.');
      return uploadPaperSignature(meetingId, { capacity: dialog.capacity, signerName }, file);
    },
    onSuccess: (view) => {
      queryClient.setQueryData(minutesKey(meetingId), view);
      close();
    },
    onError: (failure) => {
      setPassword('');
      setError(errorMessage(failure));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sign.mutate();
  };
  const title = dialog
    ? `${dialog.method === 'account' ? 'Ký' : 'Ghi nhận chữ ký trên giấy'}: ${MINUTES_CAPACITY_LABELS[dialog.capacity]}`
    : '';
  return (
    <Modal opened={dialog !== null} onClose={close} title={title}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {dialog?.method === 'account' ? (
            <>
              <Text size="sm">Người ký tự nhập tài khoản và mật khẩu của mình.</Text>
              <TextInput
                label="Tên đăng nhập của người ký"
                autoComplete="off"
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                required
              />
              <PasswordInput
                label="Mật khẩu của người ký"
                autoComplete="off"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                required
              />
            </>
          ) : (
            <>
              <TextInput
                label="Họ và tên người ký"
                value={signerName}
                onChange={(event) => setSignerName(event.currentTarget.value)}
                required
              />
              <FileInput
                label="Bản chụp biên bản đã ký (PDF, JPEG hoặc PNG, tối đa 10 MB)"
                accept="application/pdf,image/jpeg,image/png"
                value={file}
                onChange={setFile}
                required
              />
            </>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <FormActions onCancel={close} busy={sign.isPending} submitLabel="Ký" />
        </Stack>
      </form>
    </Modal>
  );
}

/** The three signers: sign in the app or record a paper signature; withdraw before the lock. */
export function MinutesSignatures({ meetingId, view }: { meetingId: string; view: MinutesView }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const withdraw = useMutation({
    mutationFn: (signatureId: string) =>
      api.delete<MinutesView>(`/meetings/${meetingId}/minutes/signatures/${signatureId}`),
    onSuccess: (next) => queryClient.setQueryData(minutesKey(meetingId), next),
  });
  const confirmWithdraw = (signatureId: string, capacity: MinutesCapacity) =>
    modals.openConfirmModal({
      title: 'Rút chữ ký',
      children: (
        <Text size="sm">
          Rút chữ ký của {MINUTES_CAPACITY_LABELS[capacity].toLocaleLowerCase('vi')}? Người đó sẽ phải ký lại.
        </Text>
      ),
      labels: { confirm: 'Rút chữ ký', cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: () => withdraw.mutate(signatureId),
    });
  return (
    <Stack gap="xs">
      {withdraw.error && (
        <Alert color="red" role="alert">
          {errorMessage(withdraw.error)}
        </Alert>
      )}
      <ResponsiveTable data-testid="minutes-signatures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tư cách</Table.Th>
            <Table.Th>Người ký</Table.Th>
            <Table.Th>Thao tác</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MINUTES_CAPACITIES.map((capacity) => {
            const signature = view.signatures.find((item) => item.capacity === capacity);
            const label = MINUTES_CAPACITY_LABELS[capacity];
            return (
              <Table.Tr key={capacity}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>
                  {signature ? (
                    <Group gap="xs">
                      <Text size="sm">{signature.signerName}</Text>
                      <Badge variant="light">
                        {signature.method === 'paper' ? 'Ký trên giấy' : 'Ký trên hệ thống'}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(signature.signedAt)}
                      </Text>
                      {!signature.current && <Badge color="orange">Đã ký bản cũ: cần ký lại</Badge>}
                      {signature.hasScan && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          component="a"
                          href={`/api/v1/meetings/${meetingId}/minutes/signatures/${signature.id}/scan`}
                          download
                        >
                          Bản chụp
                        </Button>
                      )}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Chưa ký
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {view.locked ? null : signature ? (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      aria-label={`Rút chữ ký: ${label}`}
                      onClick={() => confirmWithdraw(signature.id, capacity)}
                    >
                      Rút chữ ký
                    </Button>
                  ) : (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        aria-label={`Ký: ${label}`}
                        onClick={() => setDialog({ capacity, method: 'account' })}
                      >
                        Ký
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Ký trên giấy: ${label}`}
                        onClick={() => setDialog({ capacity, method: 'paper' })}
                      >
                        Ký trên giấy
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ResponsiveTable>
      <SignDialog meetingId={meetingId} dialog={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
