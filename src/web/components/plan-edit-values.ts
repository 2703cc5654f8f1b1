import type { PlanDetail, UpdatePlanBody } from '../../contract/plans.js';
import { formatDate } from '../api.js';
import { parseDates } from './plan-dates.js';

/** Every field of the edit form as the text in its input, so a rebase after a 409 compares strings. */
export interface PlanFormValues {
  year: string;
  number: string;
  place: string;
  issuedOn: string;
  title: string;
  preamble: string;
  purposes: string;
  subjects: string;
  participants: string;
  timeRules: string;
  placeRules: string;
  contentArea1: string;
  contentArea2: string;
  contentArea3: string;
  contentArea4: string;
  annualTheme: string;
  manifestations: string;
  methods: string;
  implementation: string;
  recipients: string;
  signingCapacity: string;
  signerTitle: string;
  signerName: string;
  meetingsDueOn: string;
  baseReportsDueOn: string;
  upwardReportDueOn: string;
}

export const AREA_FIELDS = ['contentArea1', 'contentArea2', 'contentArea3', 'contentArea4'] as const;

export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function planFormValues(plan: PlanDetail): PlanFormValues {
  return {
    year: String(plan.year),
    number: plan.number,
    place: plan.place,
    issuedOn: formatDate(plan.issuedOn),
    title: plan.title,
    preamble: plan.preamble,
    purposes: plan.purposes,
    subjects: plan.subjects,
    participants: plan.participants,
    timeRules: plan.timeRules,
    placeRules: plan.placeRules,
    contentArea1: plan.contentAreas[0] ?? '',
    contentArea2: plan.contentAreas[1] ?? '',
    contentArea3: plan.contentAreas[2] ?? '',
    contentArea4: plan.contentAreas[3] ?? '',
    annualTheme: plan.annualTheme,
    manifestations: plan.manifestations.join('\n'),
    methods: plan.methods,
    implementation: plan.implementation,
    recipients: plan.recipients.join('\n'),
    signingCapacity: plan.signingCapacity,
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    meetingsDueOn: formatDate(plan.meetingsDueOn),
    baseReportsDueOn: formatDate(plan.baseReportsDueOn),
    upwardReportDueOn: formatDate(plan.upwardReportDueOn),
  };
}

/** The PATCH body, or the fields whose dates or year cannot be read (then nothing is sent). */
export function planUpdateBody(
  values: PlanFormValues,
  version: number,
): { body: UpdatePlanBody | null; errors: Record<string, string> } {
  const { values: dates, errors } = parseDates(
    {
      issuedOn: values.issuedOn,
      meetingsDueOn: values.meetingsDueOn,
      baseReportsDueOn: values.baseReportsDueOn,
      upwardReportDueOn: values.upwardReportDueOn,
    },
    ['issuedOn'],
  );
  const year = Number(values.year);
  const problems: Record<string, string> = { ...errors };
  if (!Number.isInteger(year) || year < 2000 || year > 2200) problems.year = 'Năm không hợp lệ.';
  if (Object.keys(problems).length > 0) return { body: null, errors: problems };
  return {
    body: {
      version,
      year,
      number: values.number,
      place: values.place,
      issuedOn: dates.issuedOn,
      title: values.title,
      preamble: values.preamble,
      purposes: values.purposes,
      subjects: values.subjects,
      participants: values.participants,
      timeRules: values.timeRules,
      placeRules: values.placeRules,
      contentAreas: AREA_FIELDS.map((field) => values[field]),
      annualTheme: values.annualTheme,
      manifestations: linesOf(values.manifestations),
      methods: values.methods,
      implementation: values.implementation,
      recipients: linesOf(values.recipients),
      signingCapacity: values.signingCapacity,
      signerTitle: values.signerTitle,
      signerName: values.signerName,
      meetingsDueOn: dates.meetingsDueOn ?? '',
      baseReportsDueOn: dates.baseReportsDueOn ?? '',
      upwardReportDueOn: dates.upwardReportDueOn ?? '',
    },
    errors: {},
  };
}
