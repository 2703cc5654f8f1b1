import type { FeedbackFormContentBody } from '../contract/feedback-form.js';

/**
 * What a person typed stays in this tab (sessionStorage) until it is sent, so a dropped connection
 * or a reload on a slow network loses nothing; closing the tab forgets it.
 */
const keyOf = (code: string, selfCriticismId: string) => `phieu:${code}:${selfCriticismId}`;

export function loadDraft(code: string, selfCriticismId: string): FeedbackFormContentBody | null {
  try {
    const stored = sessionStorage.getItem(keyOf(code, selfCriticismId));
    return stored ? (JSON.parse(stored) as FeedbackFormContentBody) : null;
  } catch {
    return null;
  }
}

export function saveDraft(code: string, selfCriticismId: string, form: FeedbackFormContentBody): void {
  try {
    sessionStorage.setItem(keyOf(code, selfCriticismId), JSON.stringify(form));
  } catch {
    // A full or disabled storage only loses the safety copy; the form itself still works.
  }
}

export function dropDraft(code: string, selfCriticismId: string): void {
  try {
    sessionStorage.removeItem(keyOf(code, selfCriticismId));
  } catch {
    // Nothing to drop when storage is unavailable.
  }
}
