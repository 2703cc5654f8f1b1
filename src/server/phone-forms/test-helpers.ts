import { pdfLines } from '../../documents/read-exports.js';
import type { TestClient } from '../test-support.js';

/** The codes printed on a QR sheet, as a person reads them off the slips (`ABCDE-FGHJK`). */
export async function codesOnSheet(pdf: Buffer): Promise<string[]> {
  const text = (await pdfLines(pdf)).join('\n');
  return [...text.matchAll(/\b[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}\b/g)].map(([code]) => code);
}

/** Issues `count` codes through the API and reads them back from the sheet. */
export async function issueCodes(committee: TestClient, meetingId: string, count: number): Promise<string[]> {
  const response = await committee.post(`/api/v1/meetings/${meetingId}/phone-codes/sheet.pdf`, { count });
  if (response.statusCode !== 200) throw new Error(`issuing codes failed: ${response.body}`);
  return codesOnSheet(response.rawPayload);
}

export const inOneHour = () => new Date(Date.now() + 60 * 60_000).toISOString();

/** A form with the given areas filled, the rest empty. */
export function form(fill: { strength?: string; shortcoming?: string; proposals?: string }) {
  return {
    strengths: { duties: fill.strength ?? '' },
    shortcomings: { discipline: fill.shortcoming ?? '' },
    proposals: fill.proposals ?? '',
  };
}
