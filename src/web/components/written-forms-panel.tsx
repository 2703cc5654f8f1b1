import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MinutesView } from '../../contract/minutes.js';
import type { WrittenForm } from '../../contract/written-feedback.js';
import {
  EMPTY_FORM_MESSAGE,
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_KIND_LABELS,
} from '../../domain/feedback.js';
import { api, formatDate } from '../api.js';
import { Section } from './layout.js';
import { EmptyState, ErrorNotice, errorMessage, Loading } from './states.js';
import { emptyWrittenForm, isEmptyWrittenForm, WrittenFormFields } from './written-form-fields.js';

const CHANNEL_LABELS = { paper: 'Phiếu giấy', online: 'Trên hệ thống (ghi tên)' } as const;

function Downloads({ meetingId }: { meetingId: string }) {
  const link = (format: 'docx' | 'pdf', prefilled: boolean) =>
    `/api/v1/meetings/${meetingId}/feedback-forms.${format}?prefilled=${prefilled}`;
  return (
    <Group gap="xs" wrap="wrap">
      <Button variant="default" component="a" href={link('docx', false)} download>
        Phiếu trống (DOCX)
      </Button>
      <Button variant="default" component="a" href={link('pdf', false)} download>
        Phiếu trống (PDF)
      </Button>
      <Button variant="default" component="a" href={link('docx', true)} download>
        Phiếu theo từng đảng viên (DOCX)
      </Button>
      <Button variant="default" component="a" href={link('pdf', true)} download>
        Phiếu theo từng đảng viên (PDF)
      </Button>
    </Group>
  );
}

function PaperFormEntry({
  meetingId,
  members,
}: {
  meetingId: string;
  members: { value: string; label: string }[];
}) {
  const queryClient = useQueryClient();
  const [selfCriticismId, setSelfCriticismId] = useState<string | null>(null);
  const [authorName, setAuthorName] = useState('');
  const [form, setForm] = useState(emptyWrittenForm);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>(`/meetings/${meetingId}/paper-forms`, {
        selfCriticismId,
        authorName: authorName.trim() || null,
        form,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Đã nhập phiếu góp ý.' });
      setForm(emptyWrittenForm());
      setAuthorName('');
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['written-forms', meetingId] });
      void queryClient.invalidateQueries({ queryKey: ['minutes', meetingId] });
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selfCriticismId) return setError('Chọn đảng viên được góp ý.');
    if (isEmptyWrittenForm(form)) return setError(EMPTY_FORM_MESSAGE);
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Nhập phiếu góp ý trên giấy">
      <Stack gap="sm">
        <Select
          label="Đảng viên được góp ý"
          placeholder="Chọn đảng viên"
          data={members}
          value={selfCriticismId}
          onChange={setSelfCriticismId}
          required
        />
        <TextInput
          label="Người ghi phiếu (nếu phiếu có ký tên)"
          description="Để trống nếu phiếu không ghi tên."
          value={authorName}
          onChange={(event) => setAuthorName(event.currentTarget.value)}
        />
        <WrittenFormFields value={form} onChange={setForm} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Lưu phiếu giấy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FormItems({ forms }: { forms: WrittenForm[] }) {
  return forms.map((form) => (
    <Stack key={form.id} gap={4}>
      <Group gap="xs">
        <Text fw={600}>{form.memberName}</Text>
        <Badge variant="light">{CHANNEL_LABELS[form.channel]}</Badge>
        <Text size="sm" c="dimmed">
          {form.authorName ?? 'không ghi tên'} · {formatDate(form.submittedOn)}
        </Text>
      </Group>
      {form.opinions.map((opinion) => (
        <Text key={opinion.id} size="sm">
          [{FEEDBACK_KIND_LABELS[opinion.kind]}
          {opinion.kind === 'proposal' ? '' : ` – ${FEEDBACK_AREA_SHORT_LABELS[opinion.area]}`}]{' '}
          {opinion.text}
        </Text>
      ))}
    </Stack>
  ));
}

/** The forms received, those with a writer's name apart from those without (counted for the minutes). */
function FormList({ forms }: { forms: WrittenForm[] }) {
  if (forms.length === 0) return <EmptyState>Chưa có phiếu góp ý nào.</EmptyState>;
  const named = forms.filter((form) => form.authorName);
  const unnamed = forms.filter((form) => !form.authorName);
  return (
    <Stack gap="sm" data-testid="written-forms">
      {[
        { title: 'Phiếu ghi tên', items: named },
        { title: 'Phiếu không ghi tên', items: unnamed },
      ].map(({ title, items }) =>
        items.length === 0 ? null : (
          <Stack key={title} gap="sm">
            <Title order={5}>
              {title}: {items.length}
            </Title>
            <FormItems forms={items} />
          </Stack>
        ),
      )}
    </Stack>
  );
}

/** A tab of the meeting page; `meetingId` is the meeting shown. */
export function WrittenFormsPanel({ meetingId }: { meetingId: string }) {
  const forms = useQuery({
    queryKey: ['written-forms', meetingId],
    queryFn: () => api.get<{ items: WrittenForm[] }>(`/meetings/${meetingId}/written-forms`),
  });
  // The members come with the minutes' content: the same list the minutes print.
  const minutes = useQuery({
    queryKey: ['minutes', meetingId],
    queryFn: () => api.get<MinutesView>(`/meetings/${meetingId}/minutes`),
  });
  const members = (minutes.data?.content.members ?? []).map((member) => ({
    value: member.selfCriticismId,
    label: member.fullName,
  }));
  return (
    <Stack gap="md">
      <Section title="In phiếu ghi ý kiến đóng góp">
        <Downloads meetingId={meetingId} />
      </Section>
      <Section title="Nhập phiếu giấy đã thu">
        {minutes.isPending ? (
          <Loading />
        ) : minutes.error ? (
          <ErrorNotice error={minutes.error} />
        ) : minutes.data.locked ? (
          <Text size="sm" data-testid="paper-forms-locked">
            Biên bản đã được ký và khóa: không nhập thêm phiếu giấy được nữa. Nếu cần đính chính, hãy lập phụ
            lục ở tab Biên bản.
          </Text>
        ) : (
          <PaperFormEntry meetingId={meetingId} members={members} />
        )}
      </Section>
      <Section title="Các phiếu góp ý đã nhận">
        {forms.isPending ? (
          <Loading />
        ) : forms.error ? (
          <ErrorNotice error={forms.error} />
        ) : (
          <FormList forms={forms.data.items} />
        )}
      </Section>
    </Stack>
  );
}
