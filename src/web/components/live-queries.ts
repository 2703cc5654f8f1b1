import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { LiveView, OpinionEntry } from '../../contract/feedback.js';
import { api } from '../api.js';

const POLL_MS = 2000;
export const liveKey = (meetingId: string) => ['meeting-live', meetingId] as const;

const byTime = (left: OpinionEntry, right: OpinionEntry) =>
  left.recordedAt.localeCompare(right.recordedAt) || left.id.localeCompare(right.id);

/**
 * Entries merged by id: the higher version wins, whichever answer brought it. With the server's id
 * list, entries it no longer has are dropped — but only those it could have known of (a change
 * number up to its cursor), so an entry saved while the poll was on its way is not lost.
 */
export function mergeEntries(
  held: OpinionEntry[],
  incoming: OpinionEntry[],
  known?: { ids: string[]; cursor: number },
): OpinionEntry[] {
  const byId = new Map(held.map((entry) => [entry.id, entry]));
  for (const entry of incoming) {
    const current = byId.get(entry.id);
    if (!current || current.version <= entry.version) byId.set(entry.id, entry);
  }
  const ids = known ? new Set(known.ids) : null;
  return [...byId.values()]
    .filter((entry) => !ids || !known || ids.has(entry.id) || entry.changeSeq > known.cursor)
    .sort(byTime);
}

/**
 * The live view, polled every two seconds with the last change number, so a second device sees
 * new and edited opinions within a few seconds while each poll carries only what changed.
 */
export function useLiveQuery(meetingId: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: liveKey(meetingId),
    queryFn: async () => {
      const held = client.getQueryData<LiveView>(liveKey(meetingId));
      const after = held ? `?after=${held.cursor}` : '';
      const fresh = await api.get<LiveView>(`/meetings/${meetingId}/live${after}`);
      if (!held) return fresh;
      return {
        ...fresh,
        entries: mergeEntries(held.entries, fresh.entries, { ids: fresh.entryIds, cursor: fresh.cursor }),
      };
    },
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });
}

/** Puts an entry the server just answered into the view without waiting for the next poll. */
export function useEntryMerge(meetingId: string) {
  const client = useQueryClient();
  return useCallback(
    (entry: OpinionEntry, removed = false) => {
      client.setQueryData<LiveView>(liveKey(meetingId), (view) => {
        if (!view) return view;
        if (removed) return { ...view, entries: view.entries.filter((held) => held.id !== entry.id) };
        return { ...view, entries: mergeEntries(view.entries, [entry]) };
      });
    },
    [client, meetingId],
  );
}
