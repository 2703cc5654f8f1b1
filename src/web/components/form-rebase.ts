import { useState } from 'react';

/**
 * Form values that follow a newer saved version: after a 409 the page reloads the record, and
 * every field the user has not touched takes the newer value while their own edits stay. The next
 * save then sends the new version without silently undoing the other person's change.
 */
export function useRebasedForm<T extends object>(saved: T, version: number) {
  const [state, setState] = useState({ base: saved, values: saved, version });
  if (state.version !== version) {
    const rebased = { ...saved };
    for (const key of Object.keys(saved) as (keyof T)[]) {
      if (state.values[key] !== state.base[key]) rebased[key] = state.values[key];
    }
    setState({ base: saved, values: rebased, version });
  }
  const set = <K extends keyof T>(field: K, value: T[K]) =>
    setState((current) => ({ ...current, values: { ...current.values, [field]: value } }));
  return [state.values, set] as const;
}
