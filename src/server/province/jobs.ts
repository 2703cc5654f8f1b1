import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportJob, WorkbookErrorItem, WorkbookPreview } from '../../contract/province.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { provinceImports } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { assertSafeXlsx } from '../people/roster-upload.js';
import { applyWorkbook } from './apply.js';
import { checkWorkbook } from './check.js';
import { type ReadWorkbook, readProvinceWorkbook } from './read.js';

/**
 * Import jobs run beside the requests (issue 16): the upload answers at once, the page polls the
 * job's progress, and the work yields to the event loop between batches so other users are served.
 *
 * A job is a row of `province_imports` (migration 0019), so behind a load balancer any instance
 * answers its polls and may apply it. The instance that received the upload reads and checks it;
 * the workbook itself stays in the row (bytea) until the job is applied, fails or expires — the
 * instance that applies reads it from there, unless it parsed it itself (its rows are then still
 * in this process's memory, a cache only). A running instance beats `updated_at`; a job whose
 * instance stopped shows as failed after `STALE_MS` (an apply is one transaction: nothing was
 * written). A job belongs to the account that uploaded, lasts 30 minutes after its last change,
 * and an account runs at most three at once.
 */
const LIFETIME_MS = 30 * 60_000;
const STALE_MS = 2 * 60_000;
const HEARTBEAT_MS = 15_000;
/** Progress is written at most this often per job (the page polls about every half second). */
const PROGRESS_EVERY_MS = 400;
const MAX_RUNNING_PER_ACCOUNT = 3;

const RUNNING = ['checking', 'applying'] as const;
const STOPPED: ImportJob['failure'] = {
  message:
    'Máy chủ đang xử lý lần nhập này đã dừng giữa chừng; chưa có dữ liệu nào được ghi. Hãy tải tệp lên lại.',
  errors: [],
};

/** This process's parsed rows of the jobs it checked (by job id), so its own apply need not re-read. */
const parsed = new Map<string, { sha256: string; read: ReadWorkbook; at: number }>();
/** Jobs this process works on now: their heartbeat. */
const running = new Set<string>();
let heartbeat: NodeJS.Timeout | null = null;

/** Tests: behave as another instance would (no parsed rows of any job in memory). */
export function forgetParsedWorkbooks() {
  parsed.clear();
}

type Row = typeof provinceImports.$inferSelect;

function viewOf(row: Row): ImportJob {
  return {
    id: row.id,
    organizationId: row.organizationId,
    fileName: row.fileName,
    state: row.state as ImportJob['state'],
    progress: { phase: row.phase as ImportJob['progress']['phase'], done: row.done, total: row.total },
    preview: (row.preview as WorkbookPreview | null) ?? null,
    failure: (row.failure as ImportJob['failure']) ?? null,
  };
}

function failureOf(error: unknown): NonNullable<ImportJob['failure']> {
  if (error instanceof AppError) {
    const details = error.details as { errors?: WorkbookErrorItem[] } | undefined;
    return { message: error.message, errors: details?.errors ?? [] };
  }
  return {
    message: 'Không thể xử lý tệp do lỗi của hệ thống; chưa có dữ liệu nào được ghi. Vui lòng thử lại.',
    errors: [],
  };
}

const stale = () => new Date(Date.now() - STALE_MS);
const expired = () => new Date(Date.now() - LIFETIME_MS);

/** Running jobs nobody has beaten for a while: their instance stopped. */
async function settleStopped(db: DbOrTx, where = sql`true`) {
  await db
    .update(provinceImports)
    .set({ state: 'failed', phase: 'done', failure: STOPPED, content: null, updatedAt: new Date() })
    .where(
      sql`${provinceImports.state} in ('checking', 'applying') and ${provinceImports.updatedAt} < ${stale()} and ${where}`,
    );
}

function beat(db: Db, id: string, onError: (error: unknown) => void) {
  running.add(id);
  heartbeat ??= setInterval(() => {
    if (!running.size) return;
    db.update(provinceImports)
      .set({ updatedAt: new Date() })
      .where(
        sql`${provinceImports.id} in (${sql.join(
          [...running].map((each) => sql`${each}`),
          sql`, `,
        )})`,
      )
      .catch(onError);
  }, HEARTBEAT_MS).unref();
}

function stopBeating(id: string) {
  running.delete(id);
  if (!running.size && heartbeat) {
    clearInterval(heartbeat);
    heartbeat = null;
  }
}

/** Writes a running job's progress, at most every PROGRESS_EVERY_MS; never waited for. */
function progressWriter(db: Db, id: string, onError: (error: unknown) => void) {
  let last = 0;
  return (phase: ImportJob['progress']['phase'], done: number, total: number, always = false) => {
    const now = Date.now();
    if (!always && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    db.update(provinceImports)
      .set({ phase, done, total, updatedAt: new Date() })
      .where(and(eq(provinceImports.id, id), sql`${provinceImports.state} in ('checking', 'applying')`))
      .catch(onError);
  };
}

/** Starts reading and checking an uploaded workbook against the base's subtree. */
export async function startImport(
  db: Db,
  actor: Actor,
  organizationId: string,
  fileName: string,
  buffer: Buffer,
  onError: (error: unknown) => void,
): Promise<ImportJob> {
  const base = await organizationInScope(db, actor, organizationId, ADMINISTRATORS);
  if (base.closedAt) throw new AppError('conflict', 'Không thể nhập vào một tổ chức đã đóng.');
  // Not a spreadsheet, or a zip bomb: refused at once, before any job starts.
  await assertSafeXlsx(buffer);
  for (const [id, job] of parsed) if (Date.now() - job.at > LIFETIME_MS) parsed.delete(id);
  await settleStopped(db);
  // Expired jobs go, and the account's settled ones give way to the new one.
  await db.delete(provinceImports).where(
    sql`(${provinceImports.updatedAt} < ${expired()} and ${provinceImports.state} not in ('checking', 'applying'))
        or (${provinceImports.accountId} = ${actor.accountId} and ${provinceImports.state} in ('applied', 'failed'))`,
  );
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(provinceImports)
    .where(and(eq(provinceImports.accountId, actor.accountId), inArray(provinceImports.state, [...RUNNING])));
  if (count >= MAX_RUNNING_PER_ACCOUNT) {
    throw new AppError('conflict', 'Bạn đang có lần nhập chưa xong; hãy chờ xong rồi tải tệp khác.');
  }
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const [row] = await db
    .insert(provinceImports)
    .values({
      accountId: actor.accountId,
      organizationId,
      fileName,
      state: 'checking',
      phase: 'reading',
      content: buffer,
      contentSha256: sha256,
    })
    .returning();
  const id = row!.id;
  const progress = progressWriter(db, id, onError);
  beat(db, id, onError);
  void (async () => {
    try {
      const read = await readProvinceWorkbook(buffer, (rows) => progress('reading', rows, 0));
      progress('checking', 0, 0, true);
      const { preview } = await checkWorkbook(db, actor, base, read);
      // A file with errors cannot be applied: its content is not kept.
      await db
        .update(provinceImports)
        .set({
          state: 'ready',
          phase: 'done',
          done: 1,
          total: 1,
          preview,
          updatedAt: new Date(),
          ...(preview.errorCount ? { content: null } : {}),
        })
        .where(eq(provinceImports.id, id));
      if (!preview.errorCount) parsed.set(id, { sha256, read, at: Date.now() });
    } catch (error) {
      if (!(error instanceof AppError)) onError(error);
      await fail(db, id, error).catch(onError);
    } finally {
      stopBeating(id);
    }
  })();
  return viewOf(row!);
}

async function fail(db: Db, id: string, error: unknown) {
  await db
    .update(provinceImports)
    .set({ state: 'failed', phase: 'done', failure: failureOf(error), content: null, updatedAt: new Date() })
    .where(eq(provinceImports.id, id));
}

const notFound = () =>
  new AppError('not_found', 'Không tìm thấy lần nhập này (có thể đã quá 30 phút); hãy tải tệp lên lại.');

async function ownJob(db: Db, actor: Actor, id: string): Promise<Row> {
  const own = and(eq(provinceImports.id, id), eq(provinceImports.accountId, actor.accountId));
  const [row] = await db
    .select({
      id: provinceImports.id,
      accountId: provinceImports.accountId,
      organizationId: provinceImports.organizationId,
      fileName: provinceImports.fileName,
      state: provinceImports.state,
      phase: provinceImports.phase,
      done: provinceImports.done,
      total: provinceImports.total,
      preview: provinceImports.preview,
      failure: provinceImports.failure,
      contentSha256: provinceImports.contentSha256,
      createdAt: provinceImports.createdAt,
      updatedAt: provinceImports.updatedAt,
    })
    .from(provinceImports)
    .where(own);
  if (!row) throw notFound();
  const isRunning = (RUNNING as readonly string[]).includes(row.state);
  if (row.updatedAt < expired() && !isRunning) throw notFound();
  if (isRunning && row.updatedAt < stale()) {
    await settleStopped(db, own);
    return { ...row, state: 'failed', phase: 'done', failure: STOPPED, content: null };
  }
  return { ...row, content: null };
}

export async function getImport(db: Db, actor: Actor, id: string): Promise<ImportJob> {
  return viewOf(await ownJob(db, actor, id));
}

/** Applies a previewed workbook without errors, all or nothing; any instance may do it. */
export async function startApply(
  db: Db,
  actor: Actor,
  id: string,
  onError: (error: unknown) => void,
): Promise<ImportJob> {
  const job = await ownJob(db, actor, id);
  // Taking the job is one statement: of two clicks (or two instances) one wins, the other is told.
  const [claimed] = await db
    .update(provinceImports)
    .set({ state: 'applying', phase: 'applying', done: 0, total: 0, updatedAt: new Date() })
    .where(
      and(
        eq(provinceImports.id, id),
        eq(provinceImports.state, 'ready'),
        sql`${provinceImports.content} is not null`,
      ),
    )
    .returning({ id: provinceImports.id });
  if (!claimed) {
    throw new AppError(
      'conflict',
      job.state === 'applied'
        ? 'Tệp này đã được nhập.'
        : job.state === 'applying'
          ? 'Tệp này đang được nhập.'
          : 'Chỉ nhập được tệp đã kiểm tra xong và không có lỗi.',
    );
  }
  const progress = progressWriter(db, id, onError);
  beat(db, id, onError);
  void (async () => {
    try {
      const mine = parsed.get(id);
      let read = mine?.sha256 === job.contentSha256 ? mine.read : null;
      if (!read) {
        // Checked on another instance: read the stored file again.
        const [stored] = await db
          .select({ content: provinceImports.content })
          .from(provinceImports)
          .where(eq(provinceImports.id, id));
        if (!stored?.content) throw notFound();
        // PGlite gives a bytea as a Uint8Array, node-postgres as a Buffer.
        const content = Buffer.from(
          stored.content.buffer,
          stored.content.byteOffset,
          stored.content.byteLength,
        );
        read = await readProvinceWorkbook(content, (rows) => progress('reading', rows, 0));
      }
      await applyWorkbook(
        db,
        actor,
        job.organizationId,
        read,
        (done, total) => progress('applying', done, total),
        // Marked applied in the same transaction as the rows it wrote.
        async (tx, preview) => {
          await tx
            .update(provinceImports)
            .set({
              state: 'applied',
              phase: 'done',
              done: 1,
              total: 1,
              preview,
              content: null,
              updatedAt: new Date(),
            })
            .where(eq(provinceImports.id, id));
        },
      );
    } catch (error) {
      if (!(error instanceof AppError)) onError(error);
      await fail(db, id, error).catch(onError);
    } finally {
      parsed.delete(id);
      stopBeating(id);
    }
  })();
  return { ...viewOf(job), state: 'applying', progress: { phase: 'applying', done: 0, total: 0 } };
}
