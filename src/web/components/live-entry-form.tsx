import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { LiveMember, RecordOpinionBody } from '../../contract/feedback.js';
import {
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_AREAS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  type FeedbackArea,
  type FeedbackKind,
} from '../../domain/feedback.js';

/** The select's value for "Tập thể chi bộ": an opinion about the cell as a collective. */
export const COLLECTIVE = 'tap-the';

export const targetOptions = (members: LiveMember[]) => [
  ...members.map((member) => ({ value: member.selfCriticismId, label: `Đồng chí ${member.fullName}` })),
  { value: COLLECTIVE, label: 'Tập thể chi bộ' },
];

export const areaOptions = FEEDBACK_AREAS.map((area) => ({
  value: area,
  label: FEEDBACK_AREA_SHORT_LABELS[area],
}));
export const kindOptions = FEEDBACK_KINDS.map((kind) => ({ value: kind, label: FEEDBACK_KIND_LABELS[kind] }));
/** The areas a strength or a shortcoming can be about ("Đề xuất" goes with the proposal kind). */
const OPINION_AREAS = FEEDBACK_AREAS.filter((area) => area !== 'proposals');

/** A proposal has its own area; picking one side moves the other so the pair always fits. */
export function fitKind(area: FeedbackArea, kind: FeedbackKind): FeedbackKind {
  if (area === 'proposals') return 'proposal';
  return kind === 'proposal' ? 'strength' : kind;
}
export function fitArea(area: FeedbackArea, kind: FeedbackKind): FeedbackArea {
  if (kind === 'proposal') return 'proposals';
  return area === 'proposals' ? 'duties' : area;
}

/**
 * Built for typing while people speak. The opinion is about the member in focus on the agenda (or
 * the cell as a collective): there is no second member picker. Kind and area start empty and are
 * chosen for every opinion, so nothing is saved under a classification nobody picked. Ctrl+Enter
 * (or the button) saves; then text, speaker, dissenting mark, kind and area clear and the cursor is
 * back on the kind.
 */
export function LiveEntryForm({
  focus,
  onRecord,
}: {
  /** The member being heard (content step), or null: opinions then go to the collective. */
  focus: LiveMember | null;
  onRecord: (body: RecordOpinionBody) => void;
}) {
  const [target, setTarget] = useState(focus?.selfCriticismId ?? COLLECTIVE);
  const [kind, setKind] = useState<FeedbackKind | ''>('');
  const [area, setArea] = useState<FeedbackArea | ''>('');
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [dissenting, setDissenting] = useState(false);
  const [missing, setMissing] = useState({ kind: false, area: false, text: false });
  const textRef = useRef<HTMLTextAreaElement>(null);
  const kindRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);

  // The agenda moved on to another member: the form follows, with nothing chosen for them yet.
  useEffect(() => {
    setTarget(focus?.selfCriticismId ?? COLLECTIVE);
    setKind('');
    setArea('');
  }, [focus?.selfCriticismId]);

  const firstRadio = (group: HTMLDivElement | null) =>
    group?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();

  const save = () => {
    const said = text.normalize('NFC').trim();
    const chosenArea = kind === 'proposal' ? 'proposals' : area;
    const gaps = { kind: !kind, area: !chosenArea, text: !said };
    setMissing(gaps);
    if (!kind) return firstRadio(kindRef.current);
    if (!chosenArea) return firstRadio(areaRef.current);
    if (!said) return textRef.current?.focus();
    const about = target === COLLECTIVE || !focus ? null : focus;
    onRecord({
      id: crypto.randomUUID(),
      selfCriticismId: about?.selfCriticismId ?? null,
      area: chosenArea,
      kind,
      text: said,
      speakerName: speaker.normalize('NFC').trim() || null,
      dissenting,
    });
    notifications.show({
      color: 'green',
      message: `Đã ghi ý kiến về ${about ? `đồng chí ${about.fullName}` : 'tập thể chi bộ'}.`,
    });
    setText('');
    setSpeaker('');
    setDissenting(false);
    setKind('');
    setArea('');
    // The next opinion starts with its kind: focus the group once it is empty again.
    requestAnimationFrame(() => firstRadio(kindRef.current));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label="Ghi ý kiến phát biểu">
      <Stack gap="sm">
        {focus ? (
          <Radio.Group label="Góp ý cho" value={target} onChange={setTarget}>
            <Group gap="md" mt={4} wrap="wrap">
              <Radio value={focus.selfCriticismId} label={`Đồng chí ${focus.fullName}`} />
              <Radio value={COLLECTIVE} label="Tập thể chi bộ" />
            </Group>
          </Radio.Group>
        ) : (
          <Text size="sm">
            <b>Góp ý cho:</b> tập thể chi bộ. Ý kiến về một đảng viên được ghi ở phần (2) Nội dung, khi đồng
            chí đó được chọn.
          </Text>
        )}
        <div ref={kindRef}>
          <Radio.Group
            label="Loại ý kiến"
            withAsterisk
            value={kind}
            error={missing.kind && !kind ? 'Chọn loại ý kiến.' : undefined}
            onChange={(value) => setKind(value as FeedbackKind)}
          >
            <Group gap="md" mt={4} wrap="wrap">
              {FEEDBACK_KINDS.map((option) => (
                <Radio key={option} value={option} label={FEEDBACK_KIND_LABELS[option]} />
              ))}
            </Group>
          </Radio.Group>
        </div>
        {kind !== 'proposal' && (
          <div ref={areaRef}>
            <Radio.Group
              label="Lĩnh vực"
              withAsterisk
              value={area}
              error={missing.area && !area ? 'Chọn lĩnh vực của ý kiến.' : undefined}
              onChange={(value) => setArea(value as FeedbackArea)}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} verticalSpacing={6} mt={4}>
                {OPINION_AREAS.map((option) => (
                  <Radio key={option} value={option} label={FEEDBACK_AREA_SHORT_LABELS[option]} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </div>
        )}
        <Textarea
          ref={textRef}
          label="Nội dung ý kiến"
          description="Ctrl+Enter để ghi và gõ tiếp ý kiến sau"
          autosize
          minRows={3}
          maxLength={4000}
          value={text}
          error={missing.text && !text.trim() ? 'Nội dung ý kiến không được để trống.' : undefined}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label="Người phát biểu"
            placeholder="Để trống: không ghi tên"
            maxLength={200}
            value={speaker}
            onChange={(event) => setSpeaker(event.currentTarget.value)}
          />
          <Checkbox
            mt={{ base: 0, sm: 'xl' }}
            label="Ý kiến trái chiều"
            checked={dissenting}
            onChange={(event) => setDissenting(event.currentTarget.checked)}
          />
        </SimpleGrid>
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            Mỗi ý kiến được lưu ngay trên máy này rồi gửi lên; mất mạng vẫn không mất ý kiến.
          </Text>
          <Button type="submit">Ghi ý kiến (Ctrl+Enter)</Button>
        </Group>
      </Stack>
    </form>
  );
}
