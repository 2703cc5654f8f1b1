import { Badge } from '@mantine/core';
import { SELF_CRITICISM_STATUS_LABELS, type SelfCriticismStatus } from '../../domain/self-criticism.js';

const COLORS: Record<SelfCriticismStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

export function SelfCriticismStatusBadge({ status }: { status: SelfCriticismStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light" style={{ minWidth: 'max-content' }}>
      {SELF_CRITICISM_STATUS_LABELS[status]}
    </Badge>
  );
}

export const TEMPLATE_LABELS = {
  with_office: 'Có chức vụ',
  without_office: 'Không có chức vụ',
} as const;
