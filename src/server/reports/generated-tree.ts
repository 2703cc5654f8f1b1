import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import {
  compilationPoints,
  compilations,
  feedback,
  feedbackForms,
  meetingAttendance,
  meetings,
  organizations,
  people,
  plans,
  planWorkplaces,
  remediationItems,
  selfCriticisms,
  workplaces,
} from '../../db/schema/index.js';
import { FEEDBACK_AREAS, FEEDBACK_CHANNELS } from '../../domain/feedback.js';
import { PROGRESS_LADDER } from '../../domain/progress.js';
import { type ReportFigures, zeroFigures } from '../../domain/report-figures.js';

/** A small deterministic generator (mulberry32): a failing seed can be replayed. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

export interface GeneratedOrganization {
  id: string;
  parentId: string;
  path: string;
}

export interface GeneratedWorkplace {
  id: string;
  organizationId: string;
  organizationPath: string;
  /** What the workplace adds to every report above it, tallied while the rows were written. */
  figures: ReportFigures;
}

export interface GeneratedTree {
  planId: string;
  issuer: GeneratedOrganization;
  organizations: GeneratedOrganization[];
  workplaces: GeneratedWorkplace[];
}

const HOUR = 3_600_000;

/**
 * A random organization tree (depth 3 or 4 under the issuer) under `parent`, a published plan
 * issued at its top, and, per workplace, attendance, opinions on every channel (phone forms
 * behind open and closed windows), compiled points and remediation items, all inserted directly
 * so the figures are tallied independently of the report queries. Every check constraint of the
 * schema is respected.
 */
export async function generateTree(
  db: Db,
  options: {
    seed: number;
    parent: { id: string; path: string; depth: number };
    accountId: string;
    now: Date;
  },
): Promise<GeneratedTree> {
  const rand = random(options.seed);
  const { accountId, now } = options;
  const organizationRows: (typeof organizations.$inferInsert)[] = [];
  const tree: GeneratedOrganization[] = [];
  const addOrganization = (parent: { id: string; path: string; depth: number }, kind: string) => {
    const id = randomUUID();
    const name = `Tổ chức sinh ${tree.length + 1}`;
    const node = { id, parentId: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1 };
    organizationRows.push({
      id,
      parentId: parent.id,
      path: node.path,
      depth: node.depth,
      kind,
      name,
      nameSearch: name.toLowerCase(),
    });
    tree.push(node);
    return node;
  };
  const issuer = addOrganization(options.parent, 'bloc');
  const depth = rand.int(3, 4);
  const grow = (parent: typeof issuer, level: number) => {
    if (level > depth) return;
    const count = level === 1 ? rand.int(2, 3) : rand.int(1, 3);
    for (let index = 0; index < count; index++)
      grow(addOrganization(parent, level === 1 ? 'base' : 'cell'), level + 1);
  };
  grow(issuer, 1);
  await db.insert(organizations).values(organizationRows);

  const planId = randomUUID();
  await db.insert(plans).values({
    id: planId,
    organizationId: issuer.id,
    year: 2025,
    status: 'published',
    symbol: 'KH/SINH',
    number: '01',
    title: 'Kế hoạch sinh ngẫu nhiên',
    meetingsDueOn: '2025-11-15',
    baseReportsDueOn: '2025-11-20',
    upwardReportDueOn: '2025-11-30',
    publishedAt: now,
  });

  const generated: GeneratedWorkplace[] = [];
  for (const organization of tree) {
    const count = organization === issuer ? 1 : rand.int(0, 2);
    for (let made = 0; made < count; made++)
      generated.push(await generateWorkplace(db, rand, { planId, organization, accountId, now }));
  }
  return { planId, issuer, organizations: tree, workplaces: generated };
}

type Rand = ReturnType<typeof random>;

async function generateWorkplace(
  db: Db,
  rand: Rand,
  at: { planId: string; organization: GeneratedOrganization; accountId: string; now: Date },
): Promise<GeneratedWorkplace> {
  const { planId, organization, accountId, now } = at;
  const figures = zeroFigures();
  const workplaceId = randomUUID();
  const name = `Cơ quan sinh ${workplaceId.slice(0, 8)}`;
  await db
    .insert(workplaces)
    .values({ id: workplaceId, organizationId: organization.id, name, nameSearch: name.toLowerCase() });
  const required = rand.chance(0.8);
  const status = required ? rand.pick(PROGRESS_LADDER) : 'exempt';
  await db.insert(planWorkplaces).values({
    planId,
    workplaceId,
    organizationId: organization.id,
    organizationPath: organization.path,
    countedMasses: required ? 7 : 3,
    allMasses: required ? 8 : 3,
    threshold: 5,
    required,
    status,
  });
  figures.workplacesRequired = required ? 1 : 0;
  figures.workplacesExempt = required ? 0 : 1;
  const held = ['held', 'minutes_signed', 'compiled', 'reported'].includes(status);
  figures.workplacesHeld = held ? 1 : 0;
  const result = {
    id: workplaceId,
    organizationId: organization.id,
    organizationPath: organization.path,
    figures,
  };
  if (status === 'exempt' || status === 'pending') return result;

  const windowKind = rand.pick(['none', 'open', 'closed', 'expired'] as const);
  const meetingId = randomUUID();
  const massesPresent = rand.int(0, 20);
  await db.insert(meetings).values({
    id: meetingId,
    planId,
    workplaceId,
    organizationId: organization.id,
    startsAt: new Date('2025-11-10T01:00:00Z'),
    endsAt: new Date('2025-11-10T04:00:00Z'),
    place: 'Hội trường',
    chairName: 'Chủ trì',
    secretaryAccountId: accountId,
    massesPresent,
    formWindowOpenedAt: windowKind === 'none' ? null : new Date(now.getTime() - 2 * HOUR),
    formWindowEndsAt:
      windowKind === 'expired'
        ? new Date(now.getTime() - HOUR)
        : windowKind === 'none'
          ? null
          : new Date(now.getTime() + HOUR),
    formWindowClosedAt: windowKind === 'closed' ? new Date(now.getTime() - HOUR) : null,
  });
  // Attendance counts only for a meeting that was held (issue 11: figures count what happened).
  if (held) figures.massesPresent = massesPresent;
  const phoneVisible = windowKind === 'closed' || windowKind === 'expired';

  const members: string[] = [];
  for (let index = rand.int(0, 4); index > 0; index--) {
    const personId = randomUUID();
    const fullName = `Đảng viên ${personId.slice(0, 6)}`;
    await db.insert(people).values({
      id: personId,
      workplaceId,
      code: personId.slice(0, 12),
      fullName,
      nameSearch: fullName.toLowerCase(),
      employmentType: 'permanent',
      isPartyMember: true,
      organizationId: organization.id,
    });
    const selfCriticismId = randomUUID();
    await db.insert(selfCriticisms).values({
      id: selfCriticismId,
      planId,
      workplaceId,
      personId,
      cellId: organization.id,
      template: 'without_office',
      fullName,
      workplaceName: name,
      cellName: 'Chi bộ',
    });
    members.push(selfCriticismId);
    const attendance = rand.pick(['present', 'valid', 'invalid'] as const);
    await db.insert(meetingAttendance).values({
      meetingId,
      selfCriticismId,
      personId,
      present: attendance === 'present',
      absenceReason: attendance === 'present' ? null : 'Đi công tác',
      absenceReasonValid: attendance === 'present' ? null : attendance === 'valid',
    });
    if (!held) continue;
    if (attendance === 'present') figures.membersSelfCriticized++;
    else if (attendance === 'valid') figures.membersAbsentValid++;
    else figures.membersAbsentInvalid++;
  }

  for (let index = rand.int(0, 6); index > 0; index--) {
    const channel = members.length ? rand.pick(FEEDBACK_CHANNELS) : 'oral';
    const area = rand.pick(FEEDBACK_AREAS);
    const kind = area === 'proposals' ? 'proposal' : rand.pick(['strength', 'shortcoming'] as const);
    const target = members.length && rand.chance(0.7) ? rand.pick(members) : null;
    const dissenting = rand.chance(0.25);
    let formId: string | null = null;
    if (channel !== 'oral') {
      formId = randomUUID();
      await db.insert(feedbackForms).values({
        id: formId,
        meetingId,
        selfCriticismId: target ?? members[0]!,
        channel,
        authorAccountId: channel === 'online' ? accountId : null,
        recordedBy: channel === 'paper' ? accountId : null,
        recordedAt: channel === 'phone' ? null : now,
        submittedOn: '2025-11-10',
      });
    }
    const phone = channel === 'phone';
    await db.insert(feedback).values({
      id: randomUUID(),
      meetingId,
      selfCriticismId: formId ? (target ?? members[0]!) : target,
      formId,
      channel,
      area,
      kind,
      text: 'Ý kiến góp ý',
      dissenting,
      recordedBy: phone ? null : accountId,
      recordedAt: phone ? null : now,
      changeSeq: phone ? null : rand.int(1, 1_000_000),
    });
    if (phone && !phoneVisible) continue;
    figures.opinions++;
    figures.opinionsByChannel[channel]++;
    figures.opinionsByArea[area]++;
    figures.opinionsByKind[kind]++;
    if (dissenting) figures.opinionsDissenting++;
  }

  if (!['minutes_signed', 'compiled', 'reported'].includes(status)) return result;
  const compilationId = randomUUID();
  await db.insert(compilations).values({ id: compilationId, meetingId });
  for (let index = rand.int(0, 4); index > 0; index--) {
    const responsibility = rand.pick(
      members.length ? (['collective', 'individual', null] as const) : (['collective', null] as const),
    );
    await db.insert(compilationPoints).values({
      compilationId,
      area: 'duties',
      kind: 'shortcoming',
      text: 'Điểm tổng hợp',
      responsibility,
      responsibleSelfCriticismId: responsibility === 'individual' ? rand.pick(members) : null,
      position: index,
    });
    if (responsibility === 'collective') figures.pointsCollective++;
    if (responsibility === 'individual') figures.pointsIndividual++;
  }
  for (let index = rand.int(0, 3); index > 0; index--) {
    const itemStatus = rand.pick(['open', 'in_progress', 'done'] as const);
    await db.insert(remediationItems).values({
      compilationId,
      action: 'Khắc phục',
      responsibleKind: 'organization',
      responsibleOrganizationId: organization.id,
      deadline: '2026-03-31',
      status: itemStatus,
      doneAt: itemStatus === 'done' ? now : null,
      createdBy: accountId,
    });
    figures.remediationItems++;
    if (itemStatus === 'done') figures.remediationDone++;
  }
  return result;
}
