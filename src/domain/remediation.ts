/** The remediation plan (kế hoạch khắc phục) the masses supervise: DESIGN step 8. Pure: no I/O. */

export const REMEDIATION_STORED_STATUSES = ['open', 'in_progress', 'done'] as const;
export type RemediationStoredStatus = (typeof REMEDIATION_STORED_STATUSES)[number];

/** What a person sees: "overdue" is not stored, it is read from the deadline and today's date. */
export type RemediationStatus = RemediationStoredStatus | 'overdue';

export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  open: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  overdue: 'Quá hạn',
};

export interface RemediationDates {
  status: RemediationStoredStatus;
  /** yyyy-mm-dd */
  deadline: string;
}

/** An item not done after its deadline day is overdue; `today` is the Vietnam calendar day (yyyy-mm-dd). */
export function remediationStatus(item: RemediationDates, today: string): RemediationStatus {
  if (item.status === 'done') return 'done';
  return item.deadline < today ? 'overdue' : item.status;
}

export interface RemediationTally {
  total: number;
  done: number;
  overdue: number;
}

export function tallyRemediation(items: readonly RemediationDates[], today: string): RemediationTally {
  const tally: RemediationTally = { total: items.length, done: 0, overdue: 0 };
  for (const item of items) {
    const status = remediationStatus(item, today);
    if (status === 'done') tally.done++;
    if (status === 'overdue') tally.overdue++;
  }
  return tally;
}

/** Share done, 0–100, one decimal; an organization without items has nothing left to do. */
export function completionPercent({ total, done }: RemediationTally): number {
  if (total === 0) return 100;
  return Math.round((done / total) * 1000) / 10;
}
