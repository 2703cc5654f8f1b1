import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ConcernDetail } from '../../contract/concerns.js';
import { api } from '../api.js';
import { fieldErrors } from './form-field-errors.js';
import { errorMessage } from './states.js';

/** The issuer answers; the raising side may add to its concern. */
export function ConcernReply({ concern }: { concern: ConcernDetail }) {
  const [body, setBody] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api.post<ConcernDetail>(`/concerns/${concern.id}/messages`, { body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['concern', concern.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['concerns'] });
      setBody('');
    },
  });
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const label = concern.actorSide === 'issuer' ? 'Trả lời' : 'Trao đổi thêm';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {mutation.error && !errors.body && (
          <Alert color="red" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Textarea
          label={label}
          autosize
          minRows={3}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={errors.body}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending} disabled={!body.trim()}>
            Gửi
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
