import { useQuery } from '@tanstack/react-query';
import type { MyTasks } from '../../contract/tasks.js';
import { api } from '../api.js';

export const TASKS_KEY = ['me', 'tasks'] as const;

/** The signed-in person's tasks; kept fresh for the bell while the app is open. */
export function useTasksQuery() {
  return useQuery({
    queryKey: TASKS_KEY,
    queryFn: () => api.get<MyTasks>('/me/tasks'),
    staleTime: 30_000,
    refetchInterval: 120_000,
  });
}
