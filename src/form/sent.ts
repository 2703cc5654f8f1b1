/**
 * What this phone has sent with a code, member by member, kept in localStorage. S6: the server
 * never tells which members a code has been used for (anyone holding the code could ask), so only
 * the phone that sent remembers. An entry is forgotten once the window it belongs to has ended.
 */
const PREFIX = 'phieu-da-gui:';
/** When the window's end is unknown: the longest a window stays open. */
const FALLBACK_MS = 3 * 24 * 60 * 60_000;

interface Entry {
  /** Epoch ms after which the entry is dropped. */
  until: number;
  members: string[];
}

function read(key: string): Entry | null {
  try {
    const stored = localStorage.getItem(key);
    if (!stored) return null;
    const entry = JSON.parse(stored) as Entry;
    return Array.isArray(entry.members) && typeof entry.until === 'number' ? entry : null;
  } catch {
    return null;
  }
}

/** Drops the entries of windows that have ended. */
export function forgetEnded(now = Date.now()): void {
  try {
    for (let index = localStorage.length - 1; index >= 0; index--) {
      const key = localStorage.key(index);
      if (key?.startsWith(PREFIX) && (read(key)?.until ?? 0) < now) localStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing is remembered, nothing to forget.
  }
}

export function sentMembers(code: string): Set<string> {
  return new Set(read(PREFIX + code)?.members ?? []);
}

export function rememberSent(code: string, selfCriticismId: string, windowEndsAt: string | null): void {
  const members = sentMembers(code);
  members.add(selfCriticismId);
  const until = windowEndsAt ? new Date(windowEndsAt).getTime() : Date.now() + FALLBACK_MS;
  try {
    localStorage.setItem(PREFIX + code, JSON.stringify({ until, members: [...members] } satisfies Entry));
  } catch {
    // A full or disabled storage: the page still works, a second sending is refused by the server.
  }
}
