import type { ProgressCountsView } from '../../contract/progress.js';

export const PROGRESS_COUNT_LABELS: Record<keyof ProgressCountsView, string> = {
  workplaces: 'Cơ quan, đơn vị',
  required: 'Phải tổ chức',
  exempt: 'Không phải tổ chức',
  scheduled: 'Đã lên lịch họp',
  held: 'Đã họp',
  minutesSigned: 'Đã ký biên bản',
  compiled: 'Đã tổng hợp ý kiến',
  reported: 'Đã báo cáo',
};

export interface ProgressStage {
  key: string;
  label: string;
  color: string;
  value: number;
}

/**
 * The counts are cumulative (a held meeting was also scheduled); the chart wants each workplace
 * once, at the furthest step it reached.
 */
export function progressStages(counts: ProgressCountsView): ProgressStage[] {
  return [
    { key: 'exempt', label: 'Không phải tổ chức', color: 'gray.4', value: counts.exempt },
    { key: 'pending', label: 'Chưa lên lịch', color: 'red.5', value: counts.required - counts.scheduled },
    { key: 'scheduled', label: 'Đã lên lịch', color: 'yellow.5', value: counts.scheduled - counts.held },
    { key: 'held', label: 'Đã họp', color: 'cyan.5', value: counts.held - counts.minutesSigned },
    {
      key: 'minutesSigned',
      label: 'Đã ký biên bản',
      color: 'blue.5',
      value: counts.minutesSigned - counts.compiled,
    },
    { key: 'compiled', label: 'Đã tổng hợp', color: 'indigo.5', value: counts.compiled - counts.reported },
    { key: 'reported', label: 'Đã báo cáo', color: 'green.6', value: counts.reported },
  ];
}
