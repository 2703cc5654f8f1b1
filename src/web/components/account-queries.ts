import type { QueryClient } from '@tanstack/react-query';
import type { Account } from '../../contract/accounts.js';

export const ACCOUNTS_KEY = ['accounts'] as const;
export const accountKey = (id: string) => ['accounts', 'one', id] as const;

/** After a change: the drawer shows the server's answer at once, and the list reloads behind it. */
export function storeAccount(queryClient: QueryClient, account: Account): void {
  queryClient.setQueryData(accountKey(account.id), account);
  void queryClient.invalidateQueries({ queryKey: [...ACCOUNTS_KEY, 'list'] });
}
