import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
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
 * Built for typing while people speak: Ctrl+Enter (or the button) saves, the text, speaker and
 * dissenting mark clear, target, area and kind stay, and the cursor is back in the text box.
 */
export function LiveEntryForm({
  members,
  currentMember,
  onRecord,
}: {
  members: LiveMember[];
  currentMember: string | null;
  onRecord: (body: RecordOpinionBody) => void;
}) {
  const [target, setTarget] = useState(currentMember ?? COLLECTIVE);
  const [area, setArea] = useState<FeedbackArea>('duties');
  const [kind, setKind] = useState<FeedbackKind>('strength');
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [dissenting, setDissenting] = useState(false);
  const [missing, setMissing] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  // The agenda moved on to another member: opinions now default to them.
  useEffect(() => {
    setTarget(currentMember ?? COLLECTIVE);
  }, [currentMember]);

  const save = () => {
    const said = text.normalize('NFC').trim();
    if (!said) {
      setMissing(true);
      textRef.current?.focus();
      return;
    }
    onRecord({
      id: crypto.randomUUID(),
      selfCriticismId: target === COLLECTIVE ? null : target,
      area,
      kind,
      text: said,
      speakerName: speaker.normalize('NFC').trim() || null,
      dissenting,
    });
    setText('');
    setSpeaker('');
    setDissenting(false);
    setMissing(false);
    textRef.current?.focus();
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
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <NativeSelect
            label="Góp ý cho"
            value={target}
            onChange={(event) => setTarget(event.currentTarget.value)}
            data={targetOptions(members)}
          />
          <NativeSelect
            label="Lĩnh vực"
            value={area}
            onChange={(event) => {
              const next = event.currentTarget.value as FeedbackArea;
              setArea(next);
              setKind(fitKind(next, kind));
            }}
            data={areaOptions}
          />
          <NativeSelect
            label="Loại ý kiến"
            value={kind}
            onChange={(event) => {
              const next = event.currentTarget.value as FeedbackKind;
              setKind(next);
              setArea(fitArea(area, next));
            }}
            data={kindOptions}
          />
        </SimpleGrid>
        <Textarea
          ref={textRef}
          label="Nội dung ý kiến"
          description="Ctrl+Enter để ghi và gõ tiếp ý kiến sau"
          autosize
          minRows={3}
          maxLength={4000}
          value={text}
          error={missing ? 'Nội dung ý kiến không được để trống.' : undefined}
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
