import type { SelfCriticismDetail, SelfCriticismStatusView } from '../../contract/self-criticisms.js';
import {
  isUnopened,
  refusal,
  type SelfCriticismAction,
  type SelfCriticismCapacity,
  type SelfCriticismSnapshot,
  type SelfCriticismStatus,
  type SelfCriticismTemplate,
  statusLabelOf,
} from '../../domain/self-criticism.js';
import type { ReportInReach, SelfCriticismRow } from './access.js';

const asStatus = (row: SelfCriticismRow) => row.status as SelfCriticismStatus;
const asTemplate = (row: SelfCriticismRow) => row.template as SelfCriticismTemplate;

export function presentStatus(row: SelfCriticismRow, contentVisible: boolean): SelfCriticismStatusView {
  return {
    id: row.id,
    planId: row.planId,
    workplaceId: row.workplaceId,
    workplaceName: row.workplaceName,
    personId: row.personId,
    fullName: row.fullName,
    cellId: row.cellId,
    cellName: row.cellName,
    template: asTemplate(row),
    status: asStatus(row),
    statusLabel: statusLabelOf({ status: asStatus(row), openedAt: row.openedAt }),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    savedAt: row.updatedAt.toISOString(),
    opened: !isUnopened({ status: asStatus(row), openedAt: row.openedAt }),
    contentVisible,
    version: row.version,
  };
}

export function reportFacts(row: SelfCriticismRow) {
  return { status: asStatus(row), template: asTemplate(row), committeeComment: row.committeeComment };
}

function may(action: SelfCriticismAction, row: SelfCriticismRow, capacity: SelfCriticismCapacity): boolean {
  return refusal(action, reportFacts(row), capacity) === null;
}

export function presentDetail({
  report: row,
  capacity,
  contentVisible,
  manifestations,
}: ReportInReach): SelfCriticismDetail {
  const visible = <T>(value: T): T | null => (contentVisible ? value : null);
  return {
    ...presentStatus(row, contentVisible),
    header: visible(headerOf(row)),
    content: visible(row.content),
    carriedOver: visible(row.carriedOver),
    manifestationAnswer: visible(row.manifestationAnswer),
    manifestations,
    committeeComment: visible(row.committeeComment),
    summary: visible(row.summary),
    returnReason: visible(row.returnReason),
    permissions: {
      save: may('save', row, capacity),
      submit: may('submit', row, capacity),
      editHeader: may('editHeader', row, capacity),
      return: may('return', row, capacity),
      // Shown while the comment is missing too: the answer then says why it cannot be accepted yet.
      accept: capacity === 'committee' && row.status === 'submitted',
      comment: may('comment', row, capacity),
      summarize: may('summarize', row, capacity),
    },
  };
}

function headerOf(row: SelfCriticismRow) {
  return {
    fullName: row.fullName,
    birthDate: row.birthDate,
    partyOffice: row.partyOffice,
    governmentOffice: row.governmentOffice,
    workplaceName: row.workplaceName,
    cellName: row.cellName,
    assignedDuty: row.assignedDuty,
  };
}

/** Everything a kept version holds. */
export function snapshotOf(row: SelfCriticismRow): SelfCriticismSnapshot {
  return {
    status: asStatus(row),
    header: headerOf(row),
    content: row.content,
    carriedOver: row.carriedOver,
    manifestationAnswer: row.manifestationAnswer,
    committeeComment: row.committeeComment,
    summary: row.summary,
    returnReason: row.returnReason,
  };
}
