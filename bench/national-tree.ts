import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';

/**
 * The national tree of QUALITY P2 at full scale: a central root, 63 provinces, ~1,300 district and
 * bloc committees, 50,000 base organizations, 300,000 cells with one workplace each. BENCH_SCALE
 * shrinks every level below the provinces by the same factor.
 */
export interface TreeSize {
  provinces: number;
  districts: number;
  bases: number;
  cells: number;
}

export function treeSize(scale: number): TreeSize {
  const scaled = (count: number, floor: number) => Math.max(floor, Math.round(count * scale));
  const provinces = scaled(63, 3);
  const districts = scaled(1_300, provinces);
  const bases = scaled(50_000, districts);
  return { provinces, districts, bases, cells: scaled(300_000, bases) };
}

/**
 * One level of the tree, set-based: `count` new organizations spread evenly over the organizations
 * of the parent kind. The ids are drawn in a CTE, which PostgreSQL does not inline because
 * gen_random_uuid() is volatile, so each child keeps one id for its row and its path.
 */
async function addLevel(db: Db, parentKind: string, kind: string, label: string, count: number) {
  await db.execute(sql`
    with parents as (
      select id, path, depth, (row_number() over (order by id)) - 1 as position
      from organizations where kind = ${parentKind}
    ),
    children as (select gen_random_uuid() as id, g from generate_series(1, ${count}::int) g)
    insert into organizations (id, parent_id, path, depth, kind, name, name_search)
    select c.id, p.id, p.path || c.id::text || '/', p.depth + 1, ${kind},
           ${label} || ' ' || c.g, ${label.toLowerCase()} || ' ' || c.g
    from children c
    join parents p on p.position = c.g % (select count(*) from parents)`);
}

export async function generateNationalTree(db: Db, size: TreeSize): Promise<string> {
  const rootId = crypto.randomUUID();
  await db.execute(sql`
    insert into organizations (id, path, depth, kind, name, name_search)
    values (${rootId}, ${`/${rootId}/`}, 0, 'central', 'Đảng Cộng sản Việt Nam', 'dang cong san viet nam')`);
  await addLevel(db, 'central', 'province', 'Đảng bộ tỉnh', size.provinces);
  await addLevel(db, 'province', 'bloc', 'Đảng bộ khối', size.districts);
  await addLevel(db, 'bloc', 'base', 'Đảng bộ cơ sở', size.bases);
  await addLevel(db, 'base', 'cell', 'Chi bộ', size.cells);
  await db.execute(sql`
    insert into workplaces (organization_id, name, name_search)
    select id, 'Cơ quan của ' || name, 'co quan cua ' || name_search from organizations where kind = 'cell'`);
  await db.execute(sql`analyze organizations`);
  await db.execute(sql`analyze workplaces`);
  return rootId;
}

/**
 * A published national plan with a plan_workplaces row for every workplace: counted masses drawn
 * at random, required at five or more, and the required ones spread along the status ladder.
 */
export async function publishNationalPlan(db: Db, rootId: string): Promise<string> {
  const planId = crypto.randomUUID();
  await db.execute(sql`
    insert into plans (id, organization_id, year, status, number, symbol, title,
                       meetings_due_on, base_reports_due_on, upward_report_due_on, published_at)
    values (${planId}, ${rootId}, 2025, 'published', '01', 'KH/TW', 'Kế hoạch thử tải toàn quốc',
            '2025-10-31', '2025-11-15', '2025-11-30', now())`);
  await db.execute(sql`
    insert into plan_workplaces (plan_id, workplace_id, organization_id, organization_path,
                                 counted_masses, all_masses, threshold, required, status)
    select ${planId}, w.id, o.id, o.path, m.counted, m.counted + 2, 5, m.counted >= 5,
           case when m.counted < 5 then 'exempt'
                else (array['pending', 'scheduled', 'held', 'minutes_signed', 'compiled', 'reported'])
                     [1 + floor(random() * 6)::int] end
    from workplaces w
    join organizations o on o.id = w.organization_id
    cross join lateral (select floor(random() * 30)::int + 0 * length(w.name) as counted) m`);
  await db.execute(sql`analyze plan_workplaces`);
  return planId;
}

const HELD = sql`('held', 'minutes_signed', 'compiled', 'reported')`;

/**
 * What the meetings of a published national plan leave behind, set-based, for the report figures
 * and the year-end ranking to read: a self-criticism for each party member of a required
 * workplace; a meeting for every workplace past "pending" (held ones with a day in October or
 * November, some after the plan's 31 October deadline); attendance (about 85 % present); four
 * oral opinions a held meeting; for minutes signed and later, a compilation with two collective
 * points and one remediation item. Every row keeps the schema's checks.
 */
export async function recordNationalMeetings(db: Db, rootId: string, planId: string): Promise<void> {
  const accountId = crypto.randomUUID();
  await db.execute(sql`
    insert into accounts (id, username, display_name, password_hash, home_organization_id)
    values (${accountId}, 'thu-tai-thu-ky', 'Thư ký thử tải', 'không-đăng-nhập', ${rootId})`);
  await db.execute(sql`
    insert into self_criticisms (plan_id, workplace_id, person_id, cell_id, template, full_name, workplace_name, cell_name)
    select pw.plan_id, p.workplace_id, p.id, p.organization_id, 'without_office', p.full_name, w.name, o.name
    from plan_workplaces pw
    join people p on p.workplace_id = pw.workplace_id and p.is_party_member
    join workplaces w on w.id = pw.workplace_id
    join organizations o on o.id = p.organization_id
    where pw.plan_id = ${planId} and pw.required`);
  await db.execute(sql`
    insert into meetings (plan_id, workplace_id, organization_id, starts_at, ends_at, place, chair_name,
                          secretary_account_id, masses_present, held_at)
    select pw.plan_id, pw.workplace_id, pw.organization_id, t.starts, t.starts + interval '3 hours',
           'Hội trường', 'Chủ trì', ${accountId}, pw.counted_masses,
           case when pw.status in ${HELD} then t.starts + interval '3 hours' end
    from plan_workplaces pw
    cross join lateral (select timestamptz '2025-10-01 01:00Z' + floor(random() * 40 + 0 * pw.counted_masses) * interval '1 day' as starts) t
    where pw.plan_id = ${planId} and pw.status not in ('exempt', 'pending')`);
  await db.execute(sql`
    insert into meeting_attendance (meeting_id, self_criticism_id, person_id, present, absence_reason, absence_reason_valid)
    select m.id, s.id, s.person_id, r.value < 0.85,
           case when r.value >= 0.85 then 'Đi công tác' end,
           case when r.value >= 0.85 then r.value < 0.93 end
    from meetings m
    join self_criticisms s on s.plan_id = m.plan_id and s.workplace_id = m.workplace_id
    cross join lateral (select random() + 0 * length(s.full_name) as value) r
    where m.plan_id = ${planId}`);
  await db.execute(sql`
    insert into feedback (id, meeting_id, channel, area, kind, text, dissenting, recorded_by, recorded_at, change_seq)
    select gen_random_uuid(), m.id, 'oral', a.area, case when a.area = 'proposals' then 'proposal' when g % 2 = 0 then 'strength' else 'shortcoming' end,
           'Ý kiến góp ý', g = 4, ${accountId}, m.held_at, g
    from meetings m
    cross join generate_series(1, 4) g
    cross join lateral (select (array['politicalIdeology', 'ethicsLifestyle', 'duties', 'discipline', 'remedying', 'proposals'])
                               [1 + floor(random() * 6 + 0 * g)::int] as area) a
    where m.plan_id = ${planId} and m.held_at is not null`);
  await db.execute(sql`
    insert into compilations (meeting_id)
    select m.id from meetings m
    join plan_workplaces pw on pw.plan_id = m.plan_id and pw.workplace_id = m.workplace_id
    where m.plan_id = ${planId} and pw.status in ('minutes_signed', 'compiled', 'reported')`);
  await db.execute(sql`
    insert into compilation_points (compilation_id, area, kind, text, responsibility, position)
    select c.id, 'duties', 'shortcoming', 'Điểm tổng hợp', 'collective', g
    from compilations c cross join generate_series(1, 2) g`);
  await db.execute(sql`
    insert into remediation_items (compilation_id, action, responsible_kind, responsible_organization_id,
                                   deadline, status, done_at, created_by)
    select c.id, 'Khắc phục', 'organization', m.organization_id, date '2026-03-31', s.status,
           case when s.status = 'done' then now() end, ${accountId}
    from compilations c join meetings m on m.id = c.meeting_id
    cross join lateral (select (array['open', 'in_progress', 'done'])[1 + floor(random() * 3 + 0 * m.masses_present)::int] as status) s`);
  for (const table of [
    'self_criticisms',
    'meetings',
    'meeting_attendance',
    'feedback',
    'compilations',
    'remediation_items',
  ])
    await db.execute(sql.raw(`analyze ${table}`));
}
