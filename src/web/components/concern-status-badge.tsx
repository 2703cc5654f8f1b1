import { Badge } from '@mantine/core';
import { CONCERN_STATUS_LABELS, type ConcernStatus } from '../../contract/concerns.js';

const COLORS: Record<ConcernStatus, string> = { open: 'orange', answered: 'green', closed: 'gray' };

export function ConcernStatusBadge({ status }: { status: ConcernStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light">
      {CONCERN_STATUS_LABELS[status]}
    </Badge>
  );
}
