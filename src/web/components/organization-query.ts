import { useQuery } from '@tanstack/react-query';
import type { OrganizationDetail } from '../../contract/organizations.js';
import { api } from '../api.js';

export function useOrganizationQuery(id: string | undefined) {
  return useQuery({
    queryKey: ['organization', id ?? ''],
    queryFn: () => api.get<OrganizationDetail>(`/organizations/${id}`),
    enabled: Boolean(id),
  });
}
