import { type EmploymentPeriod, type EmploymentType, type Gender, periodsOverlap } from './employment.js';
import { identityKey, staffCodeKey } from './people.js';
import { foldVietnamese } from './text.js';

/**
 * Issue 16: the rules of the province workbook (organizations, workplaces, people of a subtree),
 * pure. The server reads the cells (types, dates, lengths) and the database's current state; this
 * module checks the workbook as a whole against it and says what an apply would create, change and
 * leave alone, or every error by sheet, row and field. Nothing is deleted by a workbook: rows
 * missing from it are left as they are.
 */

export type WorkbookSheet = 'organizations' | 'workplaces' | 'people';

export interface WorkbookOrganization {
  row: number;
  code: string;
  name: string;
  kind: string;
  /** Empty: directly under the organization the workbook is imported into. */
  parentCode: string;
}

export interface WorkbookWorkplace {
  row: number;
  code: string;
  name: string;
  organizationCode: string;
  address: string;
}

export interface PersonFields {
  partyCardNumber: string | null;
  fullName: string;
  birthDate: string | null;
  gender: Gender | null;
  jobTitle: string;
  employmentType: EmploymentType;
  isPartyMember: boolean;
  partyOffice: string;
  governmentOffice: string;
  isCommitteeMember: boolean;
  assignedDuty: string;
  distinctConfirmed: boolean;
  /** The latest employment period. */
  startedOn: string | null;
  leftOn: string | null;
  leavingReason: string;
}

export interface WorkbookPerson extends PersonFields {
  row: number;
  staffCode: string;
  workplaceCode: string;
  /** The member's cell (organization code); empty for non-members. */
  cellCode: string;
}

export interface ExistingOrganization {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  parentId: string | null;
}

export interface ExistingWorkplace {
  id: string;
  code: string | null;
  name: string;
  address: string;
  organizationId: string;
}

export interface ExistingPerson extends PersonFields {
  id: string;
  workplaceId: string;
  staffCode: string;
  cellId: string | null;
}

export interface ExistingState {
  base: { id: string; code: string | null };
  /** Every organization under the base (not the base itself). */
  organizations: ExistingOrganization[];
  workplaces: ExistingWorkplace[];
  people: ExistingPerson[];
  /** Codes held outside the subtree: a workbook may not take them. */
  foreignOrganizationCodes: ReadonlySet<string>;
  foreignWorkplaceCodes: ReadonlySet<string>;
  /** Party card numbers held by people outside the subtree. */
  foreignPartyCards: ReadonlySet<string>;
}

export interface WorkbookIssue {
  sheet: WorkbookSheet;
  row: number;
  field: string;
  message: string;
}

export type Change = Record<string, { from: unknown; to: unknown }>;

export interface Planned<Row, Existing> {
  action: 'create' | 'update' | 'unchanged';
  row: Row;
  /** Set for update and unchanged. */
  existing?: Existing;
  changes: Change;
}

export interface WorkbookPlan {
  issues: WorkbookIssue[];
  organizations: Planned<WorkbookOrganization, ExistingOrganization>[];
  workplaces: Planned<WorkbookWorkplace, ExistingWorkplace>[];
  people: Planned<WorkbookPerson, ExistingPerson>[];
}

/** Codes compare like staff codes: without case, diacritics or extra spaces. */
export const codeKey = (code: string) => staffCodeKey(code);
/**
 * The code an export writes for an organization or workplace that has none yet (made before codes
 * existed): derived from its id, so importing the export back finds it, and then stores the code.
 */
export const fallbackOrganizationCode = (id: string) => `TC-${id.slice(0, 10).toUpperCase()}`;
export const fallbackWorkplaceCode = (id: string) => `CQ-${id.slice(0, 10).toUpperCase()}`;
export const organizationCodeOf = (org: { id: string; code: string | null }) =>
  org.code ?? fallbackOrganizationCode(org.id);
export const workplaceCodeOf = (wp: { id: string; code: string | null }) =>
  wp.code ?? fallbackWorkplaceCode(wp.id);

/** Party card numbers compare without spaces or dots (the card prints them in groups). */
export const partyCardKey = (number: string) => number.replace(/[\s.]/g, '').toUpperCase();

const PERSON_FIELDS: (keyof PersonFields)[] = [
  'partyCardNumber',
  'fullName',
  'birthDate',
  'gender',
  'jobTitle',
  'employmentType',
  'isPartyMember',
  'partyOffice',
  'governmentOffice',
  'isCommitteeMember',
  'assignedDuty',
  'distinctConfirmed',
  'startedOn',
  'leftOn',
  'leavingReason',
];

function diff(before: object, after: object, keys: string[]): Change {
  const from = before as Record<string, unknown>;
  const to = after as Record<string, unknown>;
  const changes: Change = {};
  for (const key of keys) {
    if ((from[key] ?? null) !== (to[key] ?? null))
      changes[key] = { from: from[key] ?? null, to: to[key] ?? null };
  }
  return changes;
}

type WorkbookInput = {
  organizations: WorkbookOrganization[];
  workplaces: WorkbookWorkplace[];
  people: WorkbookPerson[];
};

/** Checks the whole workbook against the current state and plans the apply. */
export function planWorkbook(input: WorkbookInput, state: ExistingState): WorkbookPlan {
  const steps = planningSteps(input, state);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows planned between two pauses: a few milliseconds of work. */
export const PLANNING_STEP = 1_000;

/**
 * `planWorkbook` in steps: it pauses (yields) every `PLANNING_STEP` rows, so a server planning a
 * province (120 000 people) can let other requests through between steps.
 */
export function* planningSteps(input: WorkbookInput, state: ExistingState): Generator<void, WorkbookPlan> {
  let work = 0;
  const issues: WorkbookIssue[] = [];
  const issue = (sheet: WorkbookSheet, row: number, field: string, message: string) =>
    issues.push({ sheet, row, field, message });

  // Organizations.
  const orgById = new Map(state.organizations.map((org) => [org.id, org]));
  const orgByCode = new Map<string, ExistingOrganization>();
  for (const org of state.organizations) orgByCode.set(codeKey(organizationCodeOf(org)), org);
  const uncodedByName = new Map<string, ExistingOrganization>();
  for (const org of state.organizations) {
    if (!org.code) uncodedByName.set(`${org.parentId}|${foldVietnamese(org.name)}`, org);
  }
  const baseKey = codeKey(organizationCodeOf(state.base));
  const rowsByCode = new Map<string, WorkbookOrganization>();
  for (const org of input.organizations) {
    if (++work % PLANNING_STEP === 0) yield;
    const key = codeKey(org.code);
    if (!key) {
      issue('organizations', org.row, 'code', 'Mã tổ chức không được để trống.');
      continue;
    }
    if (rowsByCode.has(key)) {
      issue(
        'organizations',
        org.row,
        'code',
        `Mã tổ chức "${org.code}" trùng với dòng ${rowsByCode.get(key)!.row}.`,
      );
      continue;
    }
    if (key === baseKey) {
      issue('organizations', org.row, 'code', `Mã "${org.code}" là của chính tổ chức đang nhập vào.`);
      continue;
    }
    if (state.foreignOrganizationCodes.has(key)) {
      issue('organizations', org.row, 'code', `Mã "${org.code}" đã dùng cho một tổ chức ngoài phạm vi này.`);
      continue;
    }
    rowsByCode.set(key, org);
  }
  /** A code in the workbook's sheet, or of an organization already in the subtree, or the base. */
  const knownOrganization = (code: string) => {
    const key = codeKey(code);
    return key === '' || key === baseKey || rowsByCode.has(key) || orgByCode.has(key);
  };
  const parentKeyOf = (org: WorkbookOrganization) => {
    const key = codeKey(org.parentCode);
    return key === baseKey ? '' : key;
  };
  const plannedOrgs: WorkbookPlan['organizations'] = [];
  const matchedOrg = new Map<string, ExistingOrganization | undefined>();
  // Parents before children, so an uncoded organization can be matched by name under its matched parent.
  const resolveOrg = (key: string, seen: Set<string>): ExistingOrganization | undefined | null => {
    if (matchedOrg.has(key)) return matchedOrg.get(key);
    const org = rowsByCode.get(key)!;
    if (seen.has(key)) return null;
    seen.add(key);
    let existing = orgByCode.get(key);
    if (!existing) {
      const parentKey = parentKeyOf(org);
      let parentId: string | null | undefined = state.base.id;
      if (parentKey) {
        if (rowsByCode.has(parentKey)) {
          const parent = resolveOrg(parentKey, seen);
          parentId = parent === null ? undefined : parent?.id;
        } else parentId = orgByCode.get(parentKey)?.id;
      }
      if (parentId) existing = uncodedByName.get(`${parentId}|${foldVietnamese(org.name)}`);
    }
    matchedOrg.set(key, existing);
    return existing;
  };
  for (const [key, org] of rowsByCode) {
    if (++work % PLANNING_STEP === 0) yield;
    if (!org.name.trim()) issue('organizations', org.row, 'name', 'Tên tổ chức không được để trống.');
    if (!org.kind) issue('organizations', org.row, 'kind', 'Loại tổ chức không được để trống.');
    if (!knownOrganization(org.parentCode)) {
      issue('organizations', org.row, 'parentCode', `Không có tổ chức cấp trên mã "${org.parentCode}".`);
      continue;
    }
    if (codeKey(org.parentCode) === key) {
      issue('organizations', org.row, 'parentCode', 'Tổ chức không thể là cấp trên của chính nó.');
      continue;
    }
    // A cycle: following parent codes through the sheet comes back to this row.
    const chain = new Set([key]);
    let parentKey = parentKeyOf(org);
    let cycle = false;
    while (parentKey && rowsByCode.has(parentKey)) {
      if (chain.has(parentKey)) {
        cycle = true;
        break;
      }
      chain.add(parentKey);
      parentKey = parentKeyOf(rowsByCode.get(parentKey)!);
    }
    if (cycle) {
      issue(
        'organizations',
        org.row,
        'parentCode',
        `Mã cấp trên tạo thành vòng lặp (${[...chain].map((each) => rowsByCode.get(each)!.code).join(' → ')}).`,
      );
      continue;
    }
    const existing = resolveOrg(key, new Set()) ?? undefined;
    if (existing) {
      const parentKeyNow = parentKeyOf(org);
      const wantedParentId = parentKeyNow
        ? (matchedOrg.get(parentKeyNow) ?? orgByCode.get(parentKeyNow))?.id
        : state.base.id;
      if (wantedParentId !== existing.parentId) {
        const parent = existing.parentId ? orgById.get(existing.parentId) : undefined;
        issue(
          'organizations',
          org.row,
          'parentCode',
          `Tổ chức này đang thuộc ${parent ? `"${parent.name}"` : 'tổ chức gốc'}; chuyển sang cấp trên khác hãy dùng chức năng "Chuyển" trong cây tổ chức.`,
        );
        continue;
      }
      // An export writes a derived code for an organization without one: reading it back is no change.
      const changes = diff({ ...existing, code: organizationCodeOf(existing) }, org, [
        'code',
        'name',
        'kind',
      ]);
      plannedOrgs.push({
        action: Object.keys(changes).length ? 'update' : 'unchanged',
        row: org,
        existing,
        changes,
      });
    } else {
      plannedOrgs.push({ action: 'create', row: org, changes: {} });
    }
  }

  // Workplaces.
  const wpByCode = new Map<string, ExistingWorkplace>();
  for (const wp of state.workplaces) wpByCode.set(codeKey(workplaceCodeOf(wp)), wp);
  const uncodedWp = new Map<string, ExistingWorkplace>();
  for (const wp of state.workplaces) {
    if (!wp.code) uncodedWp.set(`${wp.organizationId}|${foldVietnamese(wp.name)}`, wp);
  }
  const orgIdOfCode = (code: string): string | undefined => {
    const key = codeKey(code);
    if (key === '' || key === baseKey) return state.base.id;
    return (matchedOrg.get(key) ?? orgByCode.get(key))?.id;
  };
  const wpRows = new Map<string, WorkbookWorkplace>();
  const plannedWps: WorkbookPlan['workplaces'] = [];
  const matchedWp = new Map<string, ExistingWorkplace | undefined>();
  for (const wp of input.workplaces) {
    if (++work % PLANNING_STEP === 0) yield;
    const key = codeKey(wp.code);
    if (!key) {
      issue('workplaces', wp.row, 'code', 'Mã cơ quan, đơn vị không được để trống.');
      continue;
    }
    if (wpRows.has(key)) {
      issue(
        'workplaces',
        wp.row,
        'code',
        `Mã cơ quan, đơn vị "${wp.code}" trùng với dòng ${wpRows.get(key)!.row}.`,
      );
      continue;
    }
    if (state.foreignWorkplaceCodes.has(key)) {
      issue(
        'workplaces',
        wp.row,
        'code',
        `Mã "${wp.code}" đã dùng cho một cơ quan, đơn vị ngoài phạm vi này.`,
      );
      continue;
    }
    wpRows.set(key, wp);
    if (!wp.name.trim()) issue('workplaces', wp.row, 'name', 'Tên cơ quan, đơn vị không được để trống.');
    if (!codeKey(wp.organizationCode)) {
      issue('workplaces', wp.row, 'organizationCode', 'Mã tổ chức đảng không được để trống.');
      continue;
    }
    if (!knownOrganization(wp.organizationCode)) {
      issue('workplaces', wp.row, 'organizationCode', `Không có tổ chức mã "${wp.organizationCode}".`);
      continue;
    }
    const organizationId = orgIdOfCode(wp.organizationCode);
    const existing =
      wpByCode.get(key) ??
      (organizationId ? uncodedWp.get(`${organizationId}|${foldVietnamese(wp.name)}`) : undefined);
    matchedWp.set(key, existing);
    if (existing) {
      if (existing.organizationId !== organizationId) {
        issue(
          'workplaces',
          wp.row,
          'organizationCode',
          'Cơ quan, đơn vị này đang thuộc tổ chức khác; chuyển tổ chức hãy sửa trong trang của cơ quan.',
        );
        continue;
      }
      const changes = diff({ ...existing, code: workplaceCodeOf(existing) }, wp, ['code', 'name', 'address']);
      plannedWps.push({
        action: Object.keys(changes).length ? 'update' : 'unchanged',
        row: wp,
        existing,
        changes,
      });
    } else plannedWps.push({ action: 'create', row: wp, changes: {} });
  }

  // People.
  const personByKey = new Map<string, ExistingPerson>();
  for (const person of state.people) {
    if (++work % PLANNING_STEP === 0) yield;
    personByKey.set(`${person.workplaceId}|${codeKey(person.staffCode)}`, person);
  }
  const cardOwner = new Map<string, ExistingPerson>();
  for (const person of state.people) {
    if (person.partyCardNumber) cardOwner.set(partyCardKey(person.partyCardNumber), person);
  }
  const seenPerson = new Map<string, WorkbookPerson>();
  const seenCard = new Map<string, WorkbookPerson>();
  const byStaffCode = new Map<string, WorkbookPerson[]>();
  const identities = new Map<string, { row: number; ref: string }>();
  const plannedPeople: WorkbookPlan['people'] = [];
  const matchedIds = new Set<string>();
  for (const person of input.people) {
    if (++work % PLANNING_STEP === 0) yield;
    const staffKey = codeKey(person.staffCode);
    if (!staffKey) {
      issue('people', person.row, 'staffCode', 'Mã nhân sự không được để trống.');
      continue;
    }
    const wpKey = codeKey(person.workplaceCode);
    if (!wpKey) {
      issue('people', person.row, 'workplaceCode', 'Mã cơ quan, đơn vị không được để trống.');
      continue;
    }
    if (!wpRows.has(wpKey) && !wpByCode.has(wpKey)) {
      issue('people', person.row, 'workplaceCode', `Không có cơ quan, đơn vị mã "${person.workplaceCode}".`);
      continue;
    }
    const key = `${wpKey}|${staffKey}`;
    if (seenPerson.has(key)) {
      issue(
        'people',
        person.row,
        'staffCode',
        `Mã nhân sự "${person.staffCode}" trùng với dòng ${seenPerson.get(key)!.row} cùng cơ quan, đơn vị.`,
      );
      continue;
    }
    seenPerson.set(key, person);
    let bad = false;
    const others = byStaffCode.get(staffKey) ?? [];
    const overlapping = others.find((other) => periodsOverlap(asPeriod(other), asPeriod(person)));
    if (overlapping) {
      issue(
        'people',
        person.row,
        'workplaceCode',
        `Người mã "${person.staffCode}" làm việc ở hai nơi cùng lúc (dòng ${overlapping.row}, cơ quan ${overlapping.workplaceCode}); ghi ngày nghỉ việc ở nơi cũ.`,
      );
      bad = true;
    }
    others.push(person);
    byStaffCode.set(staffKey, others);
    if (person.partyCardNumber) {
      const cardKey = partyCardKey(person.partyCardNumber);
      const sameCard = seenCard.get(cardKey);
      if (sameCard) {
        issue('people', person.row, 'partyCardNumber', `Số thẻ đảng viên trùng với dòng ${sameCard.row}.`);
        bad = true;
      } else seenCard.set(cardKey, person);
      if (state.foreignPartyCards.has(cardKey)) {
        issue(
          'people',
          person.row,
          'partyCardNumber',
          'Số thẻ đảng viên đã thuộc về một người ngoài phạm vi này.',
        );
        bad = true;
      }
    }
    if (person.isPartyMember && !codeKey(person.cellCode)) {
      issue('people', person.row, 'cellCode', 'Đảng viên phải ghi mã chi bộ.');
      bad = true;
    } else if (person.isPartyMember && !knownOrganization(person.cellCode)) {
      issue('people', person.row, 'cellCode', `Không có tổ chức mã "${person.cellCode}".`);
      bad = true;
    } else if (!person.isPartyMember) {
      for (const [field, present, message] of [
        ['cellCode', codeKey(person.cellCode) !== '', 'Chỉ đảng viên mới ghi mã chi bộ.'],
        ['partyCardNumber', person.partyCardNumber !== null, 'Chỉ đảng viên mới có số thẻ đảng viên.'],
        ['partyOffice', person.partyOffice !== '', 'Chỉ đảng viên mới có chức vụ Đảng.'],
        ['isCommitteeMember', person.isCommitteeMember, 'Chỉ đảng viên mới là cấp ủy viên.'],
      ] as const) {
        if (present) {
          issue('people', person.row, field, message);
          bad = true;
        }
      }
    }
    if (person.leftOn && person.startedOn && person.leftOn <= person.startedOn) {
      issue('people', person.row, 'leftOn', 'Ngày nghỉ việc phải sau ngày vào làm.');
      bad = true;
    }
    if (person.leftOn && !person.leavingReason) {
      issue('people', person.row, 'leavingReason', 'Cần ghi lý do nghỉ việc khi có ngày nghỉ việc.');
      bad = true;
    }
    if (!person.leftOn && person.leavingReason) {
      issue('people', person.row, 'leftOn', 'Có lý do nghỉ việc nhưng chưa ghi ngày nghỉ việc.');
      bad = true;
    }
    const workplace = matchedWp.get(wpKey) ?? wpByCode.get(wpKey);
    const existing = workplace ? personByKey.get(`${workplace.id}|${staffKey}`) : undefined;
    if (existing) matchedIds.add(existing.id);
    if (person.partyCardNumber) {
      const owner = cardOwner.get(partyCardKey(person.partyCardNumber));
      if (owner && owner.id !== existing?.id) {
        issue(
          'people',
          person.row,
          'partyCardNumber',
          `Số thẻ đảng viên đã thuộc về ${owner.fullName} (mã ${owner.staffCode}).`,
        );
        bad = true;
      }
    }
    if (!person.distinctConfirmed) {
      const identity = `${wpKey}|${identityKey(person.fullName, person.birthDate)}`;
      const namesake = identities.get(identity);
      if (namesake) {
        issue(
          'people',
          person.row,
          'fullName',
          `Trùng họ tên và ngày sinh với dòng ${namesake.row} cùng cơ quan; nếu là hai người khác nhau hãy ghi "Có" ở cột Xác nhận khác người.`,
        );
        bad = true;
      } else identities.set(identity, { row: person.row, ref: key });
    }
    if (bad) continue;
    if (existing) {
      const changes = diff(existing, person, PERSON_FIELDS);
      if (existing.cellId !== (person.isPartyMember ? (orgIdOfCode(person.cellCode) ?? 'new') : null)) {
        changes.cellCode = { from: existing.cellId, to: person.cellCode };
      }
      plannedPeople.push({
        action: Object.keys(changes).length ? 'update' : 'unchanged',
        row: person,
        existing,
        changes,
      });
    } else plannedPeople.push({ action: 'create', row: person, changes: {} });
  }
  // Namesakes already on a roster and not in the workbook (they stay) clash with new rows too.
  const codeOfWorkplace = new Map<string, string>();
  for (const [key, wp] of matchedWp) if (wp) codeOfWorkplace.set(wp.id, key);
  for (const wp of state.workplaces) codeOfWorkplace.set(wp.id, codeKey(workplaceCodeOf(wp)));
  for (const person of state.people) {
    if (++work % PLANNING_STEP === 0) yield;
    if (matchedIds.has(person.id) || person.distinctConfirmed) continue;
    const wpKey = codeOfWorkplace.get(person.workplaceId);
    if (!wpKey) continue;
    const namesake = identities.get(`${wpKey}|${identityKey(person.fullName, person.birthDate)}`);
    if (namesake) {
      issue(
        'people',
        namesake.row,
        'fullName',
        `Trùng họ tên và ngày sinh với ${person.fullName} (mã ${person.staffCode}) đã có trong danh sách; nếu là hai người khác nhau hãy ghi "Có" ở cột Xác nhận khác người.`,
      );
    }
  }
  const sheetOrder: Record<WorkbookSheet, number> = { organizations: 0, workplaces: 1, people: 2 };
  issues.sort((a, b) => sheetOrder[a.sheet] - sheetOrder[b.sheet] || a.row - b.row);
  return { issues, organizations: plannedOrgs, workplaces: plannedWps, people: plannedPeople };
}

const asPeriod = (person: WorkbookPerson): EmploymentPeriod => ({
  startedOn: person.startedOn,
  leftOn: person.leftOn,
  leavingReason: person.leavingReason,
});

/** Orders planned organizations so every parent comes before its children (for inserting). */
export function parentsFirst(orgs: readonly WorkbookOrganization[]): WorkbookOrganization[] {
  const byKey = new Map(orgs.map((org) => [codeKey(org.code), org]));
  const done = new Set<string>();
  const ordered: WorkbookOrganization[] = [];
  const visit = (org: WorkbookOrganization) => {
    const key = codeKey(org.code);
    if (done.has(key)) return;
    done.add(key);
    const parent = byKey.get(codeKey(org.parentCode));
    if (parent) visit(parent);
    ordered.push(org);
  };
  for (const org of orgs) visit(org);
  return ordered;
}
