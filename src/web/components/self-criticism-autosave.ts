import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import {
  emptyContent,
  SELF_CRITICISM_SECTIONS,
  type SelfCriticismContent,
} from '../../domain/self-criticism.js';
import { ApiError, api } from '../api.js';
import { isStaleVersion } from './form-field-errors.js';
import {
  clearDraft,
  type SelfCriticismDraft,
  storeDraft,
  unsavedDraft,
} from './self-criticism-draft-store.js';
import { selfCriticismKey, selfCriticismPath } from './self-criticism-queries.js';
import { errorMessage } from './states.js';

const DEBOUNCE_MS = 1500;
const RETRY_MS = 5000;

export type SaveStatus =
  /** `at` null: nothing saved since the plan's publishing made the draft. */
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string };

interface Base extends SelfCriticismDraft {
  version: number;
}

function baseOf(report: SelfCriticismDetail): Base {
  return {
    content: report.content ?? emptyContent(),
    answer: report.manifestationAnswer ?? { none: false, items: [] },
    version: report.version,
  };
}

/** Only the sections that differ from what the server holds, and the answer if it changed. */
function changesOf(base: Base, draft: SelfCriticismDraft) {
  const content: Partial<SelfCriticismContent> = {};
  for (const section of SELF_CRITICISM_SECTIONS)
    if (draft.content[section] !== base.content[section]) content[section] = draft.content[section];
  const answerChanged = JSON.stringify(draft.answer) !== JSON.stringify(base.answer);
  if (Object.keys(content).length === 0 && !answerChanged) return null;
  return {
    ...(Object.keys(content).length > 0 ? { content } : {}),
    ...(answerChanged ? { manifestationAnswer: draft.answer } : {}),
  };
}

/** A dropped connection or a server hiccup is worth retrying; a refusal is not. */
const isTransient = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.status >= 500);

/**
 * The member's editor state, saved as they type: a pause of DEBOUNCE_MS sends the changed sections;
 * a stale version reloads and sends them again; a lost connection retries, with a copy on the device.
 */
export function useSelfCriticismAutosave(report: SelfCriticismDetail) {
  const queryClient = useQueryClient();
  const id = report.id;
  const [restored] = useState(() => unsavedDraft(id, report.savedAt));
  const [draft, setDraft] = useState<SelfCriticismDraft>(() => restored ?? baseOf(report));
  const [status, setStatus] = useState<SaveStatus>({
    kind: 'saved',
    at: report.version > 1 ? report.savedAt : null,
  });
  const base = useRef<Base>(baseOf(report));
  const latest = useRef(draft);
  latest.current = draft;
  const running = useRef<Promise<void> | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout>>(undefined);
  const mounted = useRef(true);
  const [retries, setRetries] = useState(0);

  const accept = useCallback(
    (updated: SelfCriticismDetail) => {
      base.current = baseOf(updated);
      queryClient.setQueryData(selfCriticismKey(id), updated);
    },
    [id, queryClient],
  );

  const sendOnce = useCallback(async (): Promise<'clean' | 'again' | 'stop'> => {
    const changes = changesOf(base.current, latest.current);
    if (!changes) {
      clearDraft(id);
      return 'clean';
    }
    setStatus({ kind: 'saving' });
    try {
      const updated = await api.patch<SelfCriticismDetail>(selfCriticismPath(id), {
        version: base.current.version,
        ...changes,
      });
      accept(updated);
      setStatus({ kind: 'saved', at: updated.savedAt });
      return 'again';
    } catch (error) {
      if (!isStaleVersion(error)) throw error;
      accept(await api.get<SelfCriticismDetail>(selfCriticismPath(id)));
      return 'again';
    }
  }, [id, accept]);

  /** Saves until the server holds what is on screen (a save may race new typing or a stale version). */
  const save = useCallback((): Promise<void> => {
    if (running.current) return running.current;
    clearTimeout(retry.current);
    const run = async () => {
      try {
        for (let round = 0; round < 5 && mounted.current; round++) {
          if ((await sendOnce()) !== 'again') return;
        }
      } catch (error) {
        if (isTransient(error)) {
          setStatus({ kind: 'offline' });
          retry.current = setTimeout(() => setRetries((count) => count + 1), RETRY_MS);
        } else {
          setStatus({ kind: 'failed', message: errorMessage(error) });
        }
      } finally {
        running.current = null;
      }
    };
    running.current = run();
    return running.current;
  }, [sendOnce]);

  useEffect(() => {
    if (retries > 0) void save();
  }, [retries, save]);

  useEffect(() => {
    if (!changesOf(base.current, draft)) return;
    storeDraft(id, base.current.version, draft);
    setStatus((current) => (current.kind === 'offline' ? current : { kind: 'pending' }));
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, id, save]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(retry.current);
    };
  }, []);

  /** Before submitting: everything typed is on the server, and the version to submit against. */
  const flush = useCallback(async () => {
    await save();
    return changesOf(base.current, latest.current) ? null : base.current.version;
  }, [save]);

  return { draft, setDraft, status, restoredAt: restored?.at ?? null, flush };
}
