import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type {
  CompilationPointView,
  CompilationView,
  CompiledOpinionView,
} from '../../contract/compilations.js';
import { CONCLUSION_LABELS, RESPONSIBILITY_LABELS } from '../../domain/compilation.js';
import { FEEDBACK_KIND_LABELS } from '../../domain/feedback.js';
import { api } from '../api.js';
import { useCompilationWrite } from './compilation-queries.js';
import { errorMessage } from './states.js';

/** One original opinion, readable under its point: who (or "không ghi tên"), by which channel. */
function OpinionLine({
  opinion,
  onSplit,
  busy,
}: {
  opinion: CompiledOpinionView;
  onSplit?: () => void;
  busy: boolean;
}) {
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
      <Text size="sm" c={opinion.dissenting ? 'red.8' : undefined}>
        – {opinion.text}{' '}
        <Text span size="xs" c="dimmed">
          ({opinion.speaker}; {opinion.channelLabel.toLocaleLowerCase('vi')})
        </Text>
        {opinion.dissenting && (
          <Badge color="red" variant="light" size="xs" ml={6}>
            Ý kiến trái chiều
          </Badge>
        )}
      </Text>
      {onSplit && (
        <Button size="compact-xs" variant="subtle" onClick={onSplit} loading={busy}>
          Tách thành điểm riêng
        </Button>
      )}
    </Group>
  );
}

const RESPONSIBILITY_OPTIONS = Object.entries(RESPONSIBILITY_LABELS).map(([value, label]) => ({
  value,
  label,
}));
const CONCLUSION_OPTIONS = Object.entries(CONCLUSION_LABELS).map(([value, label]) => ({ value, label }));

/** The committee classifies (collective / individual and whose) and concludes (tiếp thu / giải trình) a point. */
function PointForm({
  meetingId,
  point,
  view,
}: {
  meetingId: string;
  point: CompilationPointView;
  view: CompilationView;
}) {
  const [text, setText] = useState(point.text);
  const [responsibility, setResponsibility] = useState<string | null>(point.responsibility);
  const [whose, setWhose] = useState<string | null>(
    point.responsibleSelfCriticismId ?? point.selfCriticismId,
  );
  const [conclusion, setConclusion] = useState<string | null>(point.conclusion);
  const [explanation, setExplanation] = useState(point.explanation ?? '');
  const save = useCompilationWrite(meetingId, () =>
    api.patch<CompilationView>(`/compilation-points/${point.id}`, {
      version: point.version,
      text,
      responsibility,
      responsibleSelfCriticismId: responsibility === 'individual' ? whose : null,
      conclusion,
      explanation: conclusion === 'explained' ? explanation : null,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <form onSubmit={submit} aria-label={`Phân loại và kết luận: ${point.text}`}>
      <Stack gap="xs">
        <Textarea
          label="Nội dung điểm tổng hợp"
          autosize
          minRows={1}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <Select
            label="Trách nhiệm"
            placeholder="Chọn"
            data={RESPONSIBILITY_OPTIONS}
            value={responsibility}
            onChange={setResponsibility}
          />
          {responsibility === 'individual' && (
            <Select
              label="Đảng viên chịu trách nhiệm"
              placeholder="Chọn đảng viên"
              data={view.members.map((member) => ({ value: member.selfCriticismId, label: member.fullName }))}
              value={whose}
              onChange={setWhose}
            />
          )}
          <Select
            label="Kết luận của chi ủy"
            placeholder="Chọn"
            data={CONCLUSION_OPTIONS}
            value={conclusion}
            onChange={setConclusion}
          />
        </Group>
        {conclusion === 'explained' && (
          <Textarea
            label="Lý do giải trình"
            autosize
            minRows={2}
            required
            value={explanation}
            onChange={(event) => setExplanation(event.currentTarget.value)}
          />
        )}
        {save.error && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={save.isPending}>
            Lưu điểm
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MergeControl({
  meetingId,
  point,
  candidates,
}: {
  meetingId: string;
  point: CompilationPointView;
  candidates: CompilationPointView[];
}) {
  const [into, setInto] = useState<string | null>(null);
  const merge = useCompilationWrite(meetingId, (intoPointId: string) =>
    api.post<CompilationView>(`/compilation-points/${point.id}/merge`, { intoPointId }),
  );
  if (candidates.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <Select
          label="Gộp điểm này vào"
          placeholder="Chọn điểm cùng đối tượng, cùng loại"
          data={candidates.map((candidate) => ({ value: candidate.id, label: candidate.text }))}
          value={into}
          onChange={setInto}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!into}
          loading={merge.isPending}
          onClick={() => into && merge.mutate(into)}
        >
          Gộp
        </Button>
      </Group>
      {merge.error && (
        <Alert color="red" role="alert">
          {errorMessage(merge.error)}
        </Alert>
      )}
    </Stack>
  );
}

/** One compiled point with the opinions under it; the committee edits it while the compilation is a draft. */
export function CompilationPoint({
  meetingId,
  point,
  view,
  siblings,
}: {
  meetingId: string;
  point: CompilationPointView;
  view: CompilationView;
  /** Points of the same target and kind: where this one may be merged. */
  siblings: CompilationPointView[];
}) {
  const split = useCompilationWrite(meetingId, (feedbackId: string) =>
    api.post<CompilationView>(`/compilation-opinions/${feedbackId}/split`),
  );
  const whose =
    point.responsibility === 'individual' && point.responsibleName ? ` (${point.responsibleName})` : '';
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="compilation-point"
      style={point.dissenting ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light">{FEEDBACK_KIND_LABELS[point.kind]}</Badge>
          {point.dissenting && <Badge color="red">Có ý kiến trái chiều</Badge>}
          <Badge color="gray" variant="outline">
            {point.opinions.length} ý kiến
          </Badge>
        </Group>
        <Text fw={600} c={point.dissenting ? 'red.8' : undefined}>
          {point.text}
        </Text>
        <Stack gap={2}>
          {point.opinions.map((opinion) => (
            <OpinionLine
              key={opinion.feedbackId}
              opinion={opinion}
              busy={split.isPending && split.variables === opinion.feedbackId}
              onSplit={
                view.canEdit && point.opinions.length > 1 ? () => split.mutate(opinion.feedbackId) : undefined
              }
            />
          ))}
        </Stack>
        {split.error && (
          <Alert color="red" role="alert">
            {errorMessage(split.error)}
          </Alert>
        )}
        {view.canEdit ? (
          <>
            <PointForm key={point.version} meetingId={meetingId} point={point} view={view} />
            <MergeControl meetingId={meetingId} point={point} candidates={siblings} />
          </>
        ) : (
          <Text size="sm">
            Trách nhiệm:{' '}
            {point.responsibility
              ? `${RESPONSIBILITY_LABELS[point.responsibility]}${whose}`
              : 'chưa phân loại'}
            . Kết luận: {point.conclusion ? CONCLUSION_LABELS[point.conclusion] : 'chưa kết luận'}
            {point.conclusion === 'explained' && point.explanation ? `: ${point.explanation}` : ''}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
