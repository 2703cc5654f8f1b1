import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompilationView, MyCompiledPointsView } from '../../contract/compilations.js';
import { api } from '../api.js';

export const compilationKey = (meetingId: string) => ['compilation', meetingId] as const;

export function useCompilationQuery(meetingId: string) {
  return useQuery({
    queryKey: compilationKey(meetingId),
    queryFn: () => api.get<CompilationView>(`/meetings/${meetingId}/compilation`),
  });
}

/** Every write answers the whole compilation: the page shows what the server holds, no guessing. */
export function useCompilationWrite<T>(meetingId: string, write: (input: T) => Promise<CompilationView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (next) => queryClient.setQueryData(compilationKey(meetingId), next),
  });
}

export function useMyCompiledPointsQuery() {
  return useQuery({
    queryKey: ['compiled-points', 'mine'],
    queryFn: () => api.get<MyCompiledPointsView>('/me/compiled-points'),
  });
}
