import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpinionEntry, RecordOpinionBody } from '../../contract/feedback.js';
import { ApiError, api } from '../api.js';

/** An opinion typed on this device and not yet confirmed by the server. */
export interface QueuedOpinion {
  body: RecordOpinionBody;
  /** When it was typed (ms): the order it is shown in among the entries. */
  at: number;
  /** Set when the server refused it (not a lost connection): it stays, shown, until the person drops it. */
  refusal?: string;
}

const RETRY_MS = 3000;
const keyOf = (meetingId: string) => `tpb:hop-truc-tiep:${meetingId}`;

function readQueue(meetingId: string): QueuedOpinion[] {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(meetingId)) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as QueuedOpinion[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(meetingId: string, queue: QueuedOpinion[]): void {
  try {
    if (queue.length === 0) localStorage.removeItem(keyOf(meetingId));
    else localStorage.setItem(keyOf(meetingId), JSON.stringify(queue));
  } catch {
    // Storage disabled or full: the queue still lives in memory while the page stays open.
  }
}

/** No answer, or a server that could not answer now: worth sending again; anything else is a refusal. */
const worthRetrying = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;

/**
 * R5: every opinion goes into a queue kept in localStorage before it is sent, so a dropped network
 * or a reload loses nothing; the queue is sent in order, again every few seconds and when the
 * browser says it is back online. The client-made id makes a repeated send the same row (R1).
 */
export function useOpinionQueue(meetingId: string, onSent: (entry: OpinionEntry) => void) {
  const [queue, setQueue] = useState<QueuedOpinion[]>(() => readQueue(meetingId));
  const queueRef = useRef(queue);
  const sending = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const update = useCallback(
    (change: (current: QueuedOpinion[]) => QueuedOpinion[]) => {
      const next = change(queueRef.current);
      queueRef.current = next;
      writeQueue(meetingId, next);
      setQueue(next);
    },
    [meetingId],
  );

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (const item of queueRef.current.filter((queued) => !queued.refusal)) {
        try {
          const entry = await api.post<OpinionEntry>(`/meetings/${meetingId}/feedback`, item.body);
          update((current) => current.filter((queued) => queued.body.id !== item.body.id));
          onSentRef.current(entry);
        } catch (error) {
          if (worthRetrying(error)) return;
          const refusal = error instanceof ApiError ? error.message : 'Không gửi được ý kiến.';
          update((current) =>
            current.map((queued) => (queued.body.id === item.body.id ? { ...queued, refusal } : queued)),
          );
        }
      }
    } finally {
      sending.current = false;
    }
  }, [meetingId, update]);

  const enqueue = useCallback(
    (body: RecordOpinionBody) => {
      update((current) => [...current, { body, at: Date.now() }]);
      void flush();
    },
    [update, flush],
  );

  const drop = useCallback(
    (id: string) => update((current) => current.filter((queued) => queued.body.id !== id)),
    [update],
  );

  const waiting = queue.filter((queued) => !queued.refusal).length;
  useEffect(() => {
    void flush();
    window.addEventListener('online', flush);
    const timer = waiting > 0 ? window.setInterval(flush, RETRY_MS) : undefined;
    return () => {
      window.removeEventListener('online', flush);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [flush, waiting]);

  return { queue, waiting, enqueue, drop };
}
