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
