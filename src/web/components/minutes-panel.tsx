import { Alert, Badge, Button, Code, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { MinutesView } from '../../contract/minutes.js';
import { MINUTES_DRAFT_LABELS } from '../../domain/minutes.js';
import { api, formatDateTime } from '../api.js';
import { Section } from './layout.js';
import { MinutesDocumentView } from './minutes-document-view.js';
import { minutesKey } from './minutes-queries.js';
import { MinutesSignatures } from './minutes-signing.js';
import { ErrorNotice, errorMessage, Loading } from './states.js';

type Draft = MinutesView['draft'];

function DraftEditor({ meetingId, view }: { meetingId: string; view: MinutesView }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(view.draft);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(view.draft), [view.draft]);
  const save = useMutation({
    mutationFn: () =>
      api.put<MinutesView>(`/meetings/${meetingId}/minutes`, { version: view.version, draft }),
    onSuccess: (next) => {
      queryClient.setQueryData(minutesKey(meetingId), next);
      setError(null);
      notifications.show({ color: 'green', message: 'Đã lưu dự thảo biên bản.' });
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const field = (name: keyof Draft) => ({
    label: MINUTES_DRAFT_LABELS[name],
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <form onSubmit={submit} aria-label="Lời văn của biên bản">
      <Stack gap="sm">
        <TextInput
          placeholder="05"
          description="In ở dòng số hiệu: Số 05-BB/…; để trống thì in dấu chấm để ghi tay."
          maw={360}
          {...field('number')}
        />
        <Textarea autosize minRows={2} {...field('openingRemarks')} />
        <Textarea autosize minRows={2} {...field('otherMatters')} />
        <Textarea autosize minRows={2} {...field('closingRemarks')} />
        <TextInput placeholder="11:05" {...field('endedAt')} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Lưu dự thảo
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Addenda({ meetingId, view }: { meetingId: string; view: MinutesView }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<MinutesView>(`/meetings/${meetingId}/minutes/addenda`, { text }),
    onSuccess: (next) => {
      queryClient.setQueryData(minutesKey(meetingId), next);
      setText('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Stack gap="sm">
      {view.addenda.map((addendum, index) => (
        <Stack key={addendum.id} gap={2}>
          <Text size="sm" fw={600}>
            Phụ lục {index + 1} — {addendum.createdByName}, {formatDateTime(addendum.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {addendum.text}
          </Text>
        </Stack>
      ))}
      <form onSubmit={submit} aria-label="Lập phụ lục biên bản">
        <Stack gap="xs">
          <Textarea
            label="Nội dung đính chính (phụ lục)"
            autosize
            minRows={2}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            required
          />
          {add.error && (
            <Alert color="red" role="alert">
              {errorMessage(add.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Lập phụ lục
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** A tab of the meeting page; `meetingId` is the meeting shown. */
export function MinutesPanel({ meetingId }: { meetingId: string }) {
  const minutes = useQuery({
    queryKey: minutesKey(meetingId),
    queryFn: () => api.get<MinutesView>(`/meetings/${meetingId}/minutes`),
  });
  if (minutes.isPending) return <Loading />;
  if (minutes.error) return <ErrorNotice error={minutes.error} />;
  const view = minutes.data;
  const downloads = (
    <Group gap="xs">
      <Button variant="default" component="a" href={`/api/v1/meetings/${meetingId}/minutes.docx`} download>
        Tải biên bản (DOCX)
      </Button>
      <Button variant="default" component="a" href={`/api/v1/meetings/${meetingId}/minutes.pdf`} download>
        Tải biên bản (PDF)
      </Button>
    </Group>
  );
  return (
    <Stack gap="md">
      <Section title="Biên bản" actions={downloads}>
        <Group gap="xs">
          {view.locked ? (
            <Badge color="green" size="lg">
              Đã khóa
            </Badge>
          ) : (
            <Badge color="gray" size="lg">
              Dự thảo
            </Badge>
          )}
          {view.lockedAt && <Text size="sm">Khóa lúc {formatDateTime(view.lockedAt)}</Text>}
        </Group>
        <Text size="sm">
          Mã kiểm tra nội dung (SHA-256): <Code data-testid="minutes-hash">{view.contentHash}</Code>
        </Text>
        <MinutesDocumentView content={view.content} />
      </Section>
      {!view.locked && (
        <Section title="Lời văn của thư ký">
          <DraftEditor meetingId={meetingId} view={view} />
        </Section>
      )}
      <Section title="Chữ ký">
        <MinutesSignatures meetingId={meetingId} view={view} />
      </Section>
      {view.locked && (
        <Section title="Phụ lục biên bản">
          <Addenda meetingId={meetingId} view={view} />
        </Section>
      )}
    </Stack>
  );
}
