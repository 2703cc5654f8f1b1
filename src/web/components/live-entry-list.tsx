import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { EditOpinionBody, LiveMember, OpinionEntry } from '../../contract/feedback.js';
import {
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  type FeedbackArea,
  type FeedbackKind,
  UNNAMED_SPEAKER,
} from '../../domain/feedback.js';
import { ApiError, api } from '../api.js';
import { areaOptions, COLLECTIVE, fitArea, fitKind, kindOptions, targetOptions } from './live-entry-form.js';
import { errorMessage } from './states.js';

/** What the list shows: a confirmed entry, or one still on its way from this device. */
export interface ShownEntry {
  entry: Omit<OpinionEntry, 'channel' | 'version' | 'changeSeq' | 'recordedByName' | 'recordedAt'> &
    Partial<OpinionEntry>;
  pending?: boolean;
  refusal?: string;
}

const KIND_COLORS: Record<FeedbackKind, string> = {
  strength: 'green',
  shortcoming: 'orange',
  proposal: 'blue',
};

type Draft = Omit<EditOpinionBody, 'version'>;

const draftOf = (entry: OpinionEntry): Draft => ({
  selfCriticismId: entry.selfCriticismId,
  area: entry.area,
  kind: entry.kind,
  text: entry.text,
  speakerName: entry.speakerName,
  dissenting: entry.dissenting,
});

function EntryEditor({
  entry,
  members,
  onSaved,
  onCancel,
}: {
  entry: OpinionEntry;
  members: LiveMember[];
  onSaved: (entry: OpinionEntry, removed?: boolean) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(entry));
  const [version, setVersion] = useState(entry.version);
  const [theirs, setTheirs] = useState<OpinionEntry | null>(null);
  const save = useMutation({
    mutationFn: (sent: { draft: Draft; version: number }) =>
      api.put<OpinionEntry>(`/feedback/${entry.id}`, { ...sent.draft, version: sent.version }),
    onSuccess: (saved) => {
      onSaved(saved);
      const name = members.find((member) => member.selfCriticismId === saved.selfCriticismId)?.fullName;
      notifications.show({
        color: 'green',
        message: `Đã lưu ý kiến về ${name ? `đồng chí ${name}` : 'tập thể chi bộ'}.`,
      });
      onCancel();
    },
    onError: (error) => {
      const current =
        error instanceof ApiError
          ? (error.details as { current?: OpinionEntry } | undefined)?.current
          : undefined;
      if (error instanceof ApiError && error.status === 409 && current) {
        setTheirs(current);
        onSaved(current);
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/feedback/${entry.id}?version=${version}`),
    onSuccess: () => {
      onSaved(entry, true);
      onCancel();
    },
  });

  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  return (
    <Stack gap="xs">
      {theirs ? (
        <Alert color="orange" role="alert" title="Ý kiến này vừa được sửa trên máy khác">
          <Stack gap="xs">
            <Text size="sm">
              Bản trên máy khác (của {theirs.recordedByName ?? 'người khác'}): “{theirs.text}”
            </Text>
            <Text size="sm">Bản của bạn: “{draft.text}”</Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setTheirs(null);
                  onCancel();
                }}
              >
                Giữ bản trên máy khác
              </Button>
              <Button
                size="xs"
                onClick={() => {
                  setVersion(theirs.version);
                  setTheirs(null);
                  save.mutate({ draft, version: theirs.version });
                }}
              >
                Ghi đè bằng bản của tôi
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        (save.error || remove.error) && (
          <Alert color="red" role="alert">
            {errorMessage(save.error ?? remove.error)}
          </Alert>
        )
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
        <NativeSelect
          label="Góp ý cho"
          value={draft.selfCriticismId ?? COLLECTIVE}
          onChange={(event) =>
            set({
              selfCriticismId: event.currentTarget.value === COLLECTIVE ? null : event.currentTarget.value,
            })
          }
          data={targetOptions(members)}
        />
        <NativeSelect
          label="Lĩnh vực"
          value={draft.area}
          onChange={(event) => {
            const area = event.currentTarget.value as FeedbackArea;
            set({ area, kind: fitKind(area, draft.kind) });
          }}
          data={areaOptions}
        />
        <NativeSelect
          label="Loại ý kiến"
          value={draft.kind}
          onChange={(event) => {
            const kind = event.currentTarget.value as FeedbackKind;
            set({ kind, area: fitArea(draft.area, kind) });
          }}
          data={kindOptions}
        />
      </SimpleGrid>
      <Textarea
        label="Nội dung ý kiến"
        autosize
        minRows={2}
        maxLength={4000}
        value={draft.text}
        onChange={(event) => set({ text: event.currentTarget.value })}
      />
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="Người phát biểu"
          placeholder="Để trống: không ghi tên"
          value={draft.speakerName ?? ''}
          onChange={(event) => set({ speakerName: event.currentTarget.value || null })}
        />
        <Checkbox
          label="Ý kiến trái chiều"
          checked={draft.dissenting}
          onChange={(event) => set({ dissenting: event.currentTarget.checked })}
        />
      </Group>
      <Group gap="xs">
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate({ draft, version })}>
          Lưu sửa đổi
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          Hủy
        </Button>
        <Button
          size="xs"
          color="red"
          variant="subtle"
          loading={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Xóa ý kiến
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * `locked`: the minutes are signed, so entries offer no edit; an editor opened before the lock
 * stays, with what was typed, and its save shows the database's refusal.
 */
export function LiveEntryList({
  shown,
  members,
  locked = false,
  onSaved,
  onDrop,
}: {
  shown: ShownEntry[];
  members: LiveMember[];
  locked?: boolean;
  onSaved: (entry: OpinionEntry, removed?: boolean) => void;
  onDrop: (id: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const nameOf = (id: string | null) =>
    id === null
      ? 'Tập thể chi bộ'
      : (members.find((member) => member.selfCriticismId === id)?.fullName ?? '');
  if (shown.length === 0) return <Text c="dimmed">Chưa có ý kiến nào.</Text>;
  return (
    <Stack gap="xs" aria-label="Các ý kiến đã ghi" role="list">
      {shown.map(({ entry, pending, refusal }) => (
        <Paper
          withBorder
          p="xs"
          key={entry.id}
          role="listitem"
          data-testid="live-entry"
          data-entry-id={entry.id}
        >
          {editing === entry.id && entry.version !== undefined && !pending ? (
            <EntryEditor
              entry={entry as OpinionEntry}
              members={members}
              onSaved={onSaved}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <Stack gap={4}>
              <Group gap={6} wrap="wrap">
                <Badge color={KIND_COLORS[entry.kind]} variant="light">
                  {FEEDBACK_KIND_LABELS[entry.kind]}
                </Badge>
                <Badge color="gray" variant="outline">
                  {FEEDBACK_AREA_SHORT_LABELS[entry.area]}
                </Badge>
                <Text size="sm" fw={600}>
                  {nameOf(entry.selfCriticismId)}
                </Text>
                {entry.dissenting && (
                  <Badge color="grape" variant="filled">
                    Trái chiều
                  </Badge>
                )}
                {entry.channel && entry.channel !== 'oral' && (
                  <Badge color="gray">{FEEDBACK_CHANNEL_LABELS[entry.channel]}</Badge>
                )}
                {pending && !refusal && <Badge color="yellow">đang gửi</Badge>}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {entry.text}
              </Text>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  Người phát biểu: {entry.speakerName ?? UNNAMED_SPEAKER}
                </Text>
                {!pending && !locked && entry.channel === 'oral' && (
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(entry.id)}>
                    Sửa
                  </Button>
                )}
              </Group>
              {refusal && (
                <Alert color="red" role="alert">
                  <Group justify="space-between" wrap="wrap">
                    <Text size="sm">Không ghi được: {refusal}</Text>
                    <Button size="compact-xs" variant="default" onClick={() => onDrop(entry.id)}>
                      Bỏ ý kiến này
                    </Button>
                  </Group>
                </Alert>
              )}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
