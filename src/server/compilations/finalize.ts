import { and, eq } from 'drizzle-orm';
import type { CompilationView } from '../../contract/compilations.js';
import type { Db } from '../../db/client.js';
import { compilations } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, staleVersion } from '../errors.js';
import { setWorkplaceStatus } from '../plans/progress-rollup.js';
import { draftForCommittee } from './access.js';
import { phoneReleased } from './opinions.js';
import { compilationContent, isIncomplete, presentCompilation, WINDOW_OPEN_MESSAGE } from './read.js';

export const incompleteMessage = (count: number) =>
  `Còn ${count} điểm chưa phân loại trách nhiệm hoặc chưa có kết luận (tiếp thu hoặc giải trình); hãy hoàn thành trước khi chốt bản tổng hợp.`;
export const unplacedMessage = (count: number) =>
  `Còn ${count} ý kiến chưa được đưa vào bản tổng hợp; hãy cập nhật ý kiến mới trước khi chốt.`;

/** The committee closes the compilation: every point classified and concluded; the workplace is then "compiled". */
export async function finalizeCompilation(
  db: Db,
  actor: Actor,
  meetingId: string,
  version: number,
  number: string,
): Promise<CompilationView> {
  return db.transaction(async (tx) => {
    const { reach, compilation } = await draftForCommittee(tx, actor, meetingId);
    if (compilation.version !== version) throw staleVersion();
    if (!phoneReleased(reach.meeting)) throw new AppError('conflict', WINDOW_OPEN_MESSAGE);
    const content = await compilationContent(tx, reach.meeting, compilation);
    if (content.unplaced.length > 0) throw new AppError('conflict', unplacedMessage(content.unplaced.length));
    const incomplete = content.points.filter(isIncomplete).length;
    if (incomplete > 0) throw new AppError('conflict', incompleteMessage(incomplete));
    const now = new Date();
    const [updated] = await tx
      .update(compilations)
      .set({
        status: 'final',
        number,
        finalizedAt: now,
        finalizedBy: actor.accountId,
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(compilations.id, compilation.id), eq(compilations.version, version)))
      .returning({ id: compilations.id });
    if (!updated) throw staleVersion();
    await setWorkplaceStatus(tx, reach.meeting.planId, reach.meeting.workplaceId, 'compiled');
    await recordAudit(tx, actor, {
      action: 'compilation.finalize',
      targetType: 'compilation',
      targetId: compilation.id,
      organizationPath: reach.organizationPath,
      changes: {
        status: { from: 'draft', to: 'final' },
        ...(number ? { number: { from: '', to: number } } : {}),
      },
    });
    return presentCompilation(tx, reach);
  });
}
