import { Stack, Textarea, Title } from '@mantine/core';
import {
  FEEDBACK_AREA_LABELS,
  type FeedbackFormContent,
  FORM_AREAS,
  type FormArea,
} from '../../domain/feedback.js';

export const emptyWrittenForm = (): FeedbackFormContent => ({
  strengths: { politicalIdeology: '', ethicsLifestyle: '', duties: '', discipline: '', remedying: '' },
  shortcomings: { politicalIdeology: '', ethicsLifestyle: '', duties: '', discipline: '', remedying: '' },
  proposals: '',
});

export const isEmptyWrittenForm = (form: FeedbackFormContent) =>
  [
    ...FORM_AREAS.map((area) => form.strengths[area]),
    ...FORM_AREAS.map((area) => form.shortcomings[area]),
    form.proposals,
  ].every((value) => value.trim() === '');

/** The seed's form: I- strengths and II- shortcomings in five areas, III- proposals; any may stay empty. */
export function WrittenFormFields({
  value,
  onChange,
}: {
  value: FeedbackFormContent;
  onChange: (next: FeedbackFormContent) => void;
}) {
  const setArea = (part: 'strengths' | 'shortcomings', area: FormArea, text: string) =>
    onChange({ ...value, [part]: { ...value[part], [area]: text } });
  return (
    <Stack gap="xs">
      <Title order={5}>I- VỀ ƯU ĐIỂM</Title>
      {FORM_AREAS.map((area) => (
        <Textarea
          key={`strengths-${area}`}
          label={`Ưu điểm — ${FEEDBACK_AREA_LABELS[area]}`}
          autosize
          minRows={2}
          value={value.strengths[area]}
          onChange={(event) => setArea('strengths', area, event.currentTarget.value)}
        />
      ))}
      <Title order={5}>II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ</Title>
      {FORM_AREAS.map((area) => (
        <Textarea
          key={`shortcomings-${area}`}
          label={`Khuyết điểm — ${FEEDBACK_AREA_LABELS[area]}`}
          autosize
          minRows={2}
          value={value.shortcomings[area]}
          onChange={(event) => setArea('shortcomings', area, event.currentTarget.value)}
        />
      ))}
      <Title order={5}>III- ĐỀ XUẤT</Title>
      <Textarea
        label="Đề xuất (nếu có)"
        autosize
        minRows={2}
        value={value.proposals}
        onChange={(event) => onChange({ ...value, proposals: event.currentTarget.value })}
      />
    </Stack>
  );
}
