import { Badge, Group } from '@mantine/core';
import type { PlanSummary } from '../../contract/plans.js';

/** Draft or published, and whether a higher level issued it for the reader. */
export function PlanBadges({ plan }: { plan: Pick<PlanSummary, 'status' | 'applies' | 'issuedHere'> }) {
  return (
    <Group gap={4} wrap="wrap">
      {plan.status === 'draft' ? (
        <Badge color="gray" variant="light">
          Bản nháp
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          Đã ban hành
        </Badge>
      )}
      {plan.applies && !plan.issuedHere && (
        <Badge color="blue" variant="light">
          Cấp trên ban hành
        </Badge>
      )}
    </Group>
  );
}
