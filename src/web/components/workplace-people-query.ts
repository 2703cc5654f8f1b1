import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../contract/people.js';
import { api, queryString } from '../api.js';

const PAGE_SIZE = 200;

/** Everyone working at a workplace: the page shows the whole roster, so read every page. */
export function useWorkplacePeopleQuery(workplaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['people', { workplaceId }],
    enabled,
    queryFn: async () => {
      const people: Person[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api.get<{ items: Person[]; total: number }>(
          `/people${queryString({ workplaceId, page, pageSize: PAGE_SIZE })}`,
        );
        people.push(...answer.items);
        if (answer.items.length < PAGE_SIZE || people.length >= answer.total) return people;
      }
    },
  });
}
