import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { Me } from '../contract/auth.js';
import type { Role } from '../domain/roles.js';
import { ApiError, api } from './api.js';

const SessionContext = createContext<Me | null>(null);

export const ME_KEY = ['me'] as const;

/** The signed-in account, or null when nobody is signed in (the API answered 401). */
export function useMeQuery() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const signedOut = () => queryClient.setQueryData(ME_KEY, null);
    window.addEventListener('tpb:signed-out', signedOut);
    return () => window.removeEventListener('tpb:signed-out', signedOut);
  }, [queryClient]);
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<Me>('/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in account; only inside the signed-in part of the app. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe outside a session');
  return me;
}

/** True when the account holds one of the roles anywhere. */
export function useHasRole(...roles: Role[]): boolean {
  const me = useMe();
  return me.roles.some((grant) => roles.includes(grant.role));
}
