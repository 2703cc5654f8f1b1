import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PlanDetail } from '../../contract/plans.js';
import { PATHS } from '../paths.js';

/** The plans lower levels derived from this one. */
export function PlanDerivedList({ plans }: { plans: PlanDetail['derivedPlans'] }) {
  return (
    <List size="sm" spacing={4}>
      {plans.map((derived) => (
        <List.Item key={derived.id}>
          <Anchor component={Link} to={PATHS.plan(derived.id)}>
            Số {derived.fullNumber} của {derived.organizationName}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({derived.status === 'draft' ? 'bản nháp' : 'đã ban hành'})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
