import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, updatedAt, version } from './columns.js';
import { feedback } from './feedback.js';
import { meetings } from './meetings.js';
import { selfCriticisms } from './self-criticisms.js';

/**
 * The compilation (tổng hợp ý kiến) of one meeting, DESIGN step 8: every opinion of the meeting —
 * oral, paper, online and phone — is placed under exactly one compiled point. Final once the
 * committee closes it; the workplace then moves to "compiled".
 */
export const compilations = pgTable(
  'compilations',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .unique()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    status: text('status').notNull().default('draft'),
    /** `05` of the report's `Số 05-BC/CB`, entered when the committee closes it; empty prints dots. */
    number: text('number').notNull().default(''),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    finalizedBy: uuid('finalized_by').references(() => accounts.id, { onDelete: 'restrict' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('compilations_status_known', sql`${table.status} in ('draft', 'final')`),
    check(
      'compilations_final_has_time',
      sql`(${table.status} = 'final') = (${table.finalizedAt} is not null)`,
    ),
  ],
);

/**
 * One compiled point: about a member (or the cell as a collective, null), in one area and kind,
 * with the opinions grouped under it. Classified as collective or individual responsibility (and
 * whose), and concluded by the committee: accepted, or explained with a reason.
 */
export const compilationPoints = pgTable(
  'compilation_points',
  {
    id: id(),
    compilationId: uuid('compilation_id')
      .notNull()
      .references(() => compilations.id, { onDelete: 'restrict' }),
    selfCriticismId: uuid('self_criticism_id').references(() => selfCriticisms.id, { onDelete: 'restrict' }),
    area: text('area').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    /** Some opinion under it was marked dissenting: kept and shown, never dropped. */
    dissenting: boolean('dissenting').notNull().default(false),
    responsibility: text('responsibility'),
    responsibleSelfCriticismId: uuid('responsible_self_criticism_id').references(() => selfCriticisms.id, {
      onDelete: 'restrict',
    }),
    conclusion: text('conclusion'),
    explanation: text('explanation'),
    position: integer('position').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('compilation_points_compilation_idx').on(table.compilationId, table.position),
    index('compilation_points_responsible_idx').on(table.responsibleSelfCriticismId),
    check(
      'compilation_points_area_known',
      sql`${table.area} in ('politicalIdeology', 'ethicsLifestyle', 'duties', 'discipline', 'remedying', 'proposals')`,
    ),
    check('compilation_points_kind_known', sql`${table.kind} in ('strength', 'shortcoming', 'proposal')`),
    check('compilation_points_text_present', sql`length(${table.text}) > 0`),
    check(
      'compilation_points_responsibility_known',
      sql`${table.responsibility} is null or ${table.responsibility} in ('collective', 'individual')`,
    ),
    check(
      'compilation_points_individual_names_whom',
      sql`(${table.responsibility} = 'individual') = (${table.responsibleSelfCriticismId} is not null)`,
    ),
    check(
      'compilation_points_conclusion_known',
      sql`${table.conclusion} is null or ${table.conclusion} in ('accepted', 'explained')`,
    ),
    check(
      'compilation_points_explained_has_reason',
      sql`${table.conclusion} is distinct from 'explained' or length(coalesce(${table.explanation}, '')) > 0`,
    ),
  ],
);

/** Which point each opinion sits under: one row per opinion, so none is dropped or counted twice. */
export const compilationPointOpinions = pgTable(
  'compilation_point_opinions',
  {
    feedbackId: uuid('feedback_id')
      .primaryKey()
      .references(() => feedback.id, { onDelete: 'restrict' }),
    pointId: uuid('point_id')
      .notNull()
      .references(() => compilationPoints.id, { onDelete: 'restrict' }),
  },
  (table) => [index('compilation_point_opinions_point_idx').on(table.pointId)],
);
