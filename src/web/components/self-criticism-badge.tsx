import { Badge } from '@mantine/core';
import {
  SELF_CRITICISM_STATUS_LABELS,
  type SelfCriticismStatus,
  UNOPENED_LABEL,
} from '../../domain/self-criticism.js';

const COLORS: Record<SelfCriticismStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

/** `opened` false: a draft its member has never opened, shown as "Chưa mở". */
export function SelfCriticismStatusBadge({
  status,
  opened = true,
}: {
  status: SelfCriticismStatus;
  opened?: boolean;
}) {
  return (
    <Badge color={opened ? COLORS[status] : 'yellow'} variant="light" style={{ minWidth: 'max-content' }}>
      {opened ? SELF_CRITICISM_STATUS_LABELS[status] : UNOPENED_LABEL}
    </Badge>
  );
}

export const TEMPLATE_LABELS = {
  with_office: 'Có chức vụ',
  without_office: 'Không có chức vụ',
} as const;
