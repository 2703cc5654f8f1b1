import { Badge } from '@mantine/core';
import type { REPORT_STATES } from '../../contract/reports.js';
import { REPORT_STATE_LABELS } from '../../domain/reports.js';

type State = (typeof REPORT_STATES)[number];

const COLORS: Record<State, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  not_yet_due: 'gray',
};

/** Đúng hạn / Trễ hạn / Chưa nộp / Chưa đến hạn. */
export function ReportStateBadge({ state }: { state: State }) {
  return (
    <Badge color={COLORS[state]} variant="light">
      {REPORT_STATE_LABELS[state]}
    </Badge>
  );
}
