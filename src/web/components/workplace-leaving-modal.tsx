import { Alert, Autocomplete, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Person } from '../../contract/people.js';
import { parseVietnameseDate } from '../../domain/dates.js';
import { LEAVING_REASON_SUGGESTIONS } from '../../domain/employment.js';
import { api, formatDate } from '../api.js';
import { DateTextInput } from './date-text-input.js';
import { fieldErrors, formMessage, isStaleVersion } from './form-field-errors.js';
import { FormActions } from './layout.js';

export type EmploymentAction = 'leave' | 'return';

const DATE_MESSAGE = 'Ngày phải có dạng dd/mm/yyyy, ví dụ 30/06/2026.';

/**
 * DESIGN step 2: a person who leaves is recorded with the day and the reason, never deleted; one
 * who comes back gets a new period. Determinations count them only on the days they worked.
 */
export function WorkplaceLeavingModal({
  person,
  action,
  onClose,
}: {
  person: Person;
  action: EmploymentAction;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const [dayError, setDayError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (iso: string) =>
      action === 'leave'
        ? api.post<Person>(`/people/${person.id}/leaving`, {
            version: person.version,
            leftOn: iso,
            leavingReason: reason,
          })
        : api.post<Person>(`/people/${person.id}/return`, { version: person.version, startedOn: iso }),
    onSuccess: async () => {
      await refreshRoster(queryClient, person.workplaceId);
      onClose();
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await refreshRoster(queryClient, person.workplaceId);
    },
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['leftOn', 'leavingReason', 'startedOn']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = parseVietnameseDate(day);
    if (!iso) {
      setDayError(DATE_MESSAGE);
      return;
    }
    setDayError(null);
    mutation.mutate(iso);
  };
  const leaving = action === 'leave';
  return (
    <Modal
      opened
      onClose={onClose}
      title={leaving ? `Ghi nhận nghỉ việc: ${person.fullName}` : `Đi làm lại: ${person.fullName}`}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color={isStaleVersion(mutation.error) ? 'yellow' : 'red'} role="alert">
              {message}
            </Alert>
          )}
          <Text size="sm">
            {leaving
              ? 'Người nghỉ việc vẫn được giữ trong hồ sơ cùng ngày nghỉ và lý do; từ ngày nghỉ, người đó không còn được tính khi xác định cơ quan phải tổ chức tự phê bình trước quần chúng.'
              : `Nghỉ việc từ ${formatDate(person.leftOn)} (${person.leavingReason}). Thời gian làm việc trước được giữ nguyên; người này được tính lại từ ngày đi làm lại.`}
          </Text>
          <DateTextInput
            label={leaving ? 'Ngày nghỉ việc' : 'Ngày đi làm lại'}
            description={leaving ? 'Ngày đầu tiên không còn làm việc tại cơ quan' : undefined}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            required
            value={day}
            onChange={(event) => setDay(event.currentTarget.value)}
            error={dayError ?? (leaving ? errors.leftOn : errors.startedOn)}
            data-autofocus
          />
          {leaving && (
            <Autocomplete
              label="Lý do nghỉ việc"
              required
              data={[...LEAVING_REASON_SUGGESTIONS]}
              value={reason}
              onChange={setReason}
              error={errors.leavingReason}
            />
          )}
          <FormActions
            onCancel={onClose}
            busy={mutation.isPending}
            submitLabel={leaving ? 'Ghi nhận nghỉ việc' : 'Ghi nhận đi làm lại'}
          />
        </Stack>
      </form>
    </Modal>
  );
}

export async function refreshRoster(
  queryClient: ReturnType<typeof useQueryClient>,
  workplaceId: string,
): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['people'] });
  await queryClient.invalidateQueries({ queryKey: ['workplace', workplaceId] });
  await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
  await queryClient.invalidateQueries({ queryKey: ['organization'] });
}
