import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CommitteeResponse } from '../../contract/feedback.js';
import { api } from '../api.js';
import { errorMessage } from './states.js';

/** (2) "Đại diện cấp ủy tiếp thu": the committee's response to one member or to the collective. */
export function LiveResponse({
  meetingId,
  selfCriticismId,
  targetName,
  saved,
  onSaved,
}: {
  meetingId: string;
  selfCriticismId: string | null;
  targetName: string;
  saved: CommitteeResponse | undefined;
  onSaved: () => void;
}) {
  const [text, setText] = useState(saved?.text ?? '');
  const [dirty, setDirty] = useState(false);
  // Another device saved a response: show it unless this one is being typed.
  useEffect(() => {
    if (!dirty) setText(saved?.text ?? '');
  }, [saved?.text, dirty]);
  const save = useMutation({
    mutationFn: () =>
      api.put<CommitteeResponse>(`/meetings/${meetingId}/responses`, {
        selfCriticismId,
        text,
        ...(saved ? { version: saved.version } : {}),
      }),
    onSuccess: () => {
      setDirty(false);
      onSaved();
    },
  });
  return (
    <Stack gap="xs">
      <Textarea
        label={`Ý kiến tiếp thu của cấp ủy — ${targetName}`}
        autosize
        minRows={2}
        maxLength={8000}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setDirty(true);
        }}
      />
      {save.error && (
        <Alert color="red" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">
          {saved ? `Đã lưu bởi ${saved.recordedByName}` : 'Chưa có ý kiến tiếp thu.'}
        </Text>
        <Button
          size="sm"
          variant="light"
          loading={save.isPending}
          disabled={!dirty || !text.trim()}
          onClick={() => save.mutate()}
        >
          Lưu ý kiến tiếp thu
        </Button>
      </Group>
    </Stack>
  );
}
