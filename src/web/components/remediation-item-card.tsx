import { Anchor, Badge, Button, FileInput, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { RemediationItemView } from '../../contract/remediation.js';
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from '../../domain/remediation.js';
import { api, formatDate, uploadFile } from '../api.js';
import { remediationKeys } from './remediation-queries.js';
import { errorMessage } from './states.js';

const STATUS_COLORS: Record<RemediationStatus, string> = {
  open: 'gray',
  in_progress: 'blue',
  done: 'green',
  overdue: 'red',
};

export function RemediationStatusBadge({ status }: { status: RemediationStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'}>
      {REMEDIATION_STATUS_LABELS[status]}
    </Badge>
  );
}

const STORED_OPTIONS = (['open', 'in_progress', 'done'] as const).map((value) => ({
  value,
  label: REMEDIATION_STATUS_LABELS[value],
}));

function NoteForm({ item }: { item: RemediationItemView }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string>(
    item.storedStatus === 'open' ? 'in_progress' : item.storedStatus,
  );
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const evidence = file
        ? await uploadFile<{ fileId: string }>(`/remediation-items/${item.id}/evidence`, file, () => {})
        : null;
      return api.post<RemediationItemView>(`/remediation-items/${item.id}/notes`, {
        version: item.version,
        text,
        status,
        ...(evidence ? { evidenceFileId: evidence.fileId } : {}),
      });
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Đã ghi tiến độ.' });
      setText('');
      setFile(null);
      setError(null);
      void queryClient.invalidateQueries({ queryKey: remediationKeys.all });
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label="Ghi chú tiến độ"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label="Tình trạng"
            data={STORED_OPTIONS}
            value={status}
            onChange={(value) => value && setStatus(value)}
            allowDeselect={false}
          />
          <FileInput
            label="Tệp minh chứng (PDF, JPEG, PNG)"
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            clearable
            placeholder="Không bắt buộc"
          />
          <Button type="submit" loading={save.isPending}>
            Ghi tiến độ
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </form>
  );
}

function CommentForm({ itemId }: { itemId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => api.post(`/remediation-items/${itemId}/comments`, { text }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Đã gửi ý kiến.' });
      setText('');
      setError(null);
      void queryClient.invalidateQueries({ queryKey: remediationKeys.all });
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label="Ý kiến của bạn về việc này"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <Group>
          <Button type="submit" variant="light" loading={send.isPending}>
            Gửi ý kiến
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </form>
  );
}

function AnswerForm({ comment }: { comment: RemediationItemView['comments'][number] }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(comment.answer ?? '');
  const [error, setError] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: () =>
      api.post(`/remediation-comments/${comment.id}/answer`, { version: comment.version, text }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Đã trả lời ý kiến.' });
      setError(null);
      void queryClient.invalidateQueries({ queryKey: remediationKeys.all });
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        answer.mutate();
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Textarea
          label="Trả lời của cấp ủy"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          style={{ flex: 1, minWidth: 220 }}
          required
        />
        <Button type="submit" variant="light" loading={answer.isPending}>
          Trả lời
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </form>
  );
}

export interface ItemPermissions {
  /** The committee: answer comments. */
  canAnswer: boolean;
  /** The committee or the member responsible: progress notes. */
  canProgress: boolean;
  /** The masses: comments. */
  canComment: boolean;
}

/** One item of the plan: what, who, by when, status, dated notes with evidence, comments and answers. */
export function RemediationItemCard({
  item,
  index,
  permissions,
}: {
  item: RemediationItemView;
  index: number;
  permissions: ItemPermissions;
}) {
  return (
    <Paper withBorder p="sm" data-testid="remediation-item">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>
            {index + 1}. {item.action}
          </Text>
          <RemediationStatusBadge status={item.status} />
        </Group>
        <Text size="sm" c="dimmed">
          Chịu trách nhiệm: {item.responsibleName} · Thời hạn: {formatDate(item.deadline)}
          {item.pointText ? ` · Từ ý kiến: ${item.pointText}` : ''}
        </Text>
        {item.notes.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Tiến độ
            </Text>
            {item.notes.map((note) => (
              <Text size="sm" key={note.id}>
                {formatDate(note.createdOn)} — {REMEDIATION_STATUS_LABELS[note.status]}: {note.text}
                {note.authorName ? ` (${note.authorName})` : ''}
                {note.evidenceName && (
                  <>
                    {' · '}
                    <Anchor href={`/api/v1/remediation-items/${item.id}/notes/${note.id}/evidence`} download>
                      {note.evidenceName}
                    </Anchor>
                  </>
                )}
              </Text>
            ))}
          </Stack>
        )}
        {item.comments.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Ý kiến giám sát
            </Text>
            {item.comments.map((comment) => (
              <Stack gap={2} key={comment.id} pl="sm">
                <Text size="sm">
                  {formatDate(comment.createdOn)} — {comment.authorName ?? 'Quần chúng (ẩn danh)'}:{' '}
                  {comment.text}
                </Text>
                {comment.answer && (
                  <Text size="sm" c="teal">
                    Cấp ủy trả lời ({formatDate(comment.answeredOn)}): {comment.answer}
                  </Text>
                )}
                {permissions.canAnswer && <AnswerForm comment={comment} />}
              </Stack>
            ))}
          </Stack>
        )}
        {permissions.canProgress && <NoteForm item={item} />}
        {permissions.canComment && <CommentForm itemId={item.id} />}
      </Stack>
    </Paper>
  );
}
