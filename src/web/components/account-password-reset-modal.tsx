import { Alert, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Account } from '../../contract/accounts.js';
import { passwordWeakness } from '../../domain/password-policy.js';
import { api } from '../api.js';
import { PASSWORD_HINT } from './account-create-modal.js';
import { fieldError } from './account-field-errors.js';
import { FormActions } from './layout.js';
import { errorMessage } from './states.js';

interface AccountPasswordResetModalProps {
  account: Account;
  opened: boolean;
  onClose: () => void;
}

/** A temporary password: the account's sessions end and its owner must choose a new one at next login. */
export function AccountPasswordResetModal({ account, opened, onClose }: AccountPasswordResetModalProps) {
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [weakness, setWeakness] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);

  const reset = useMutation({
    mutationFn: () => api.post(`/accounts/${account.id}/password-reset`, { newPassword }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: `Đã đặt lại mật khẩu của ${account.username}.` });
      close();
    },
  });

  const close = () => {
    setNewPassword('');
    setRepeat('');
    setWeakness(null);
    setMismatch(false);
    reset.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordWeakness(newPassword, account.username);
    setWeakness(problem);
    setMismatch(newPassword !== repeat);
    if (!problem && newPassword === repeat) reset.mutate();
  };

  const serverField = fieldError(reset.error, 'newPassword');
  return (
    <Modal opened={opened} onClose={close} title={`Đặt lại mật khẩu – ${account.username}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Mọi phiên đăng nhập của tài khoản sẽ kết thúc. Hãy báo mật khẩu tạm cho người dùng.
          </Text>
          {reset.isError && !serverField && (
            <Alert color="red" role="alert">
              {errorMessage(reset.error)}
            </Alert>
          )}
          <PasswordInput
            label="Mật khẩu mới"
            description={PASSWORD_HINT}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={serverField ?? weakness}
          />
          <PasswordInput
            label="Nhập lại mật khẩu mới"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
            error={mismatch ? 'Mật khẩu nhập lại không khớp.' : undefined}
          />
          <FormActions onCancel={close} busy={reset.isPending} submitLabel="Đặt lại mật khẩu" />
        </Stack>
      </form>
    </Modal>
  );
}
