import type { ManifestationAnswer, SelfCriticismContent } from '../../domain/self-criticism.js';

export interface SelfCriticismDraft {
  content: SelfCriticismContent;
  answer: ManifestationAnswer;
}

interface StoredDraft extends SelfCriticismDraft {
  at: number;
}

const PREFIX = 'tpb:tu-phe-binh:';
const keyOf = (id: string, version: number) => `${PREFIX}${id}:${version}`;

function keysOf(id: string): string[] {
  const keys: string[] = [];
  for (let index = 0; index < localStorage.length; index++) {
    const key = localStorage.key(index);
    if (key?.startsWith(`${PREFIX}${id}:`)) keys.push(key);
  }
  return keys;
}

/**
 * What the member typed and the server has not confirmed, kept on this device under the version it
 * was typed against, so a closed tab or a dropped connection loses nothing.
 */
export function storeDraft(id: string, version: number, draft: SelfCriticismDraft): void {
  try {
    for (const key of keysOf(id)) if (key !== keyOf(id, version)) localStorage.removeItem(key);
    localStorage.setItem(keyOf(id, version), JSON.stringify({ ...draft, at: Date.now() }));
  } catch {
    // Storage full or disabled (private mode): the autosave still runs, only the local copy is lost.
  }
}

export function clearDraft(id: string): void {
  try {
    for (const key of keysOf(id)) localStorage.removeItem(key);
  } catch {
    // Nothing to clear when storage is disabled.
  }
}

/** The newest unsaved copy of this report on this device, if it was typed after the server's last save. */
export function unsavedDraft(id: string, savedAt: string): StoredDraft | null {
  try {
    const drafts = keysOf(id)
      .map((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as StoredDraft | null)
      .filter((draft): draft is StoredDraft => Boolean(draft?.content && draft.answer));
    const newest = drafts.sort((a, b) => b.at - a.at)[0];
    return newest && newest.at > Date.parse(savedAt) ? newest : null;
  } catch {
    return null;
  }
}
