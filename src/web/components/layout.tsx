import { Alert, Button, Group, Modal, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

/** A titled block of a page, with its actions on the right (wrapping under the title on a phone). */
export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4}>{title}</Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** The buttons under a form in a modal: "Hủy" closes it, the submit button says what it does. */
export function FormActions({
  onCancel,
  busy,
  submitLabel = 'Lưu',
  disabled = false,
}: {
  onCancel: () => void;
  busy: boolean;
  submitLabel?: string;
  disabled?: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Hủy
      </Button>
      <Button type="submit" loading={busy} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/**
 * A modal holding one form: the server's message (if any) on top, the fields, then "Hủy" and the
 * submit button. The form is not validated by the browser: the server's Vietnamese messages are shown.
 */
export function FormModal({
  title,
  onClose,
  onSubmit,
  message,
  children,
  ...actions
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  message?: string | null;
  children: ReactNode;
  busy: boolean;
  submitLabel?: string;
  disabled?: boolean;
}) {
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          {children}
          <FormActions onCancel={onClose} {...actions} />
        </Stack>
      </form>
    </Modal>
  );
}
