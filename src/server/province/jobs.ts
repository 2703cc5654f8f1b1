import type { ImportJob, WorkbookErrorItem } from '../../contract/province.js';
import type { Db } from '../../db/client.js';
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
 * A job lives in this process's memory only (its parsed rows are what the apply writes) for 30
 * minutes, and belongs to the account that uploaded; an account runs at most three at once.
 */
interface Job {
  view: ImportJob;
  accountId: string;
  read: ReadWorkbook | null;
  touchedAt: number;
}

const LIFETIME_MS = 30 * 60_000;
const MAX_RUNNING_PER_ACCOUNT = 3;
const jobs = new Map<string, Job>();

function sweep() {
  const now = Date.now();
  for (const [id, job] of jobs) {
    if (now - job.touchedAt > LIFETIME_MS && job.view.state !== 'checking' && job.view.state !== 'applying') {
      jobs.delete(id);
    }
  }
}

function failureOf(error: unknown): ImportJob['failure'] {
  if (error instanceof AppError) {
    const details = error.details as { errors?: WorkbookErrorItem[] } | undefined;
    return { message: error.message, errors: details?.errors ?? [] };
  }
  return {
    message: 'Không thể xử lý tệp do lỗi của hệ thống; chưa có dữ liệu nào được ghi. Vui lòng thử lại.',
    errors: [],
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
  sweep();
  // Settled jobs of the account give way to the new one; a few may run side by side.
  let running = 0;
  for (const [id, job] of jobs) {
    if (job.accountId !== actor.accountId) continue;
    if (job.view.state === 'checking' || job.view.state === 'applying') running++;
    else if (job.view.state !== 'ready') jobs.delete(id);
  }
  if (running >= MAX_RUNNING_PER_ACCOUNT) {
    throw new AppError('conflict', 'Bạn đang có lần nhập chưa xong; hãy chờ xong rồi tải tệp khác.');
  }
  const job: Job = {
    accountId: actor.accountId,
    read: null,
    touchedAt: Date.now(),
    view: {
      id: crypto.randomUUID(),
      organizationId,
      fileName,
      state: 'checking',
      progress: { phase: 'reading', done: 0, total: 0 },
      preview: null,
      failure: null,
    },
  };
  jobs.set(job.view.id, job);
  void (async () => {
    try {
      const read = await readProvinceWorkbook(buffer, (rows) => {
        job.view.progress = { phase: 'reading', done: rows, total: 0 };
      });
      job.view.progress = { phase: 'checking', done: 0, total: 0 };
      const { preview } = await checkWorkbook(db, actor, base, read);
      job.read = preview.errorCount ? null : read;
      job.view.preview = preview;
      job.view.state = 'ready';
      job.view.progress = { phase: 'done', done: 1, total: 1 };
    } catch (error) {
      if (!(error instanceof AppError)) onError(error);
      job.view.state = 'failed';
      job.view.failure = failureOf(error);
    } finally {
      job.touchedAt = Date.now();
    }
  })();
  return job.view;
}

function ownJob(actor: Actor, id: string): Job {
  const job = jobs.get(id);
  if (!job || job.accountId !== actor.accountId)
    throw new AppError(
      'not_found',
      'Không tìm thấy lần nhập này (có thể đã quá 30 phút); hãy tải tệp lên lại.',
    );
  job.touchedAt = Date.now();
  return job;
}

export function getImport(actor: Actor, id: string): ImportJob {
  return ownJob(actor, id).view;
}

/** Applies a previewed workbook without errors, all or nothing. */
export function startApply(db: Db, actor: Actor, id: string, onError: (error: unknown) => void): ImportJob {
  const job = ownJob(actor, id);
  if (job.view.state !== 'ready' || !job.read) {
    throw new AppError(
      'conflict',
      job.view.state === 'applied'
        ? 'Tệp này đã được nhập.'
        : 'Chỉ nhập được tệp đã kiểm tra xong và không có lỗi.',
    );
  }
  const read = job.read;
  job.view.state = 'applying';
  job.view.progress = { phase: 'applying', done: 0, total: 0 };
  void (async () => {
    try {
      const preview = await applyWorkbook(db, actor, job.view.organizationId, read, (done, total) => {
        job.view.progress = { phase: 'applying', done, total };
      });
      job.view.preview = preview;
      job.view.state = 'applied';
      job.view.progress = { phase: 'done', done: 1, total: 1 };
      job.read = null;
    } catch (error) {
      if (!(error instanceof AppError)) onError(error);
      job.view.state = 'failed';
      job.view.failure = failureOf(error);
      job.read = null;
    } finally {
      job.touchedAt = Date.now();
    }
  })();
  return job.view;
}
