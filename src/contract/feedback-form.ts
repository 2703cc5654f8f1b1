import { z } from 'zod';
import { FORM_AREAS } from '../domain/feedback.js';
import { text } from './common.js';

/** One area of a written form: free text, empty allowed. */
export const FORM_AREA_MAX_LENGTH = 4000;
const areaText = text(FORM_AREA_MAX_LENGTH);

const areas = z.object(
  Object.fromEntries(FORM_AREAS.map((area) => [area, areaText.default('')])) as Record<
    (typeof FORM_AREAS)[number],
    z.ZodDefault<typeof areaText>
  >,
);

/** The seed's feedback form about one member: strengths and shortcomings in five areas, and proposals. */
export const feedbackFormContent = z.object({
  strengths: areas,
  shortcomings: areas,
  proposals: areaText.default(''),
});
export type FeedbackFormContentBody = z.infer<typeof feedbackFormContent>;
