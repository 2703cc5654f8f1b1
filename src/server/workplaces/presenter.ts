import type { Workplace } from '../../contract/workplaces.js';
import type { ListedWorkplace } from './service.js';

export function presentWorkplace({
  workplace,
  organizationName,
  memberCount,
  eligibility,
}: ListedWorkplace): Workplace {
  return {
    id: workplace.id,
    organizationId: workplace.organizationId,
    organizationName,
    name: workplace.name,
    address: workplace.address,
    closed: workplace.closedAt !== null,
    memberCount,
    eligibility,
    version: workplace.version,
  };
}
