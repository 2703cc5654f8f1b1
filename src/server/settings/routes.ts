import {
  anonymitySettings,
  eligibilitySettings,
  updateAnonymitySettingsBody,
  updateEligibilitySettingsBody,
} from '../../contract/settings.js';
import { settings } from '../../db/schema/index.js';
import { depthOf } from '../../domain/organization-path.js';
import { changedFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { forbidden, staleVersion } from '../errors.js';
import type { App } from '../http/types.js';
import { ANONYMITY_KEY, readAnonymitySettings } from './anonymity-settings.js';
import { ELIGIBILITY_KEY, readEligibilitySettings } from './eligibility-settings.js';

/** Settings are system-wide, so only an administrator at a root of the tree may change them. */
function rootAdministration(actor: Actor): string | undefined {
  return actor.grants.find(
    (grant) => ADMINISTRATORS.includes(grant.role) && depthOf(grant.organizationPath) === 0,
  )?.organizationPath;
}

export async function settingsRoutes(app: App): Promise<void> {
  const tags = ['Cài đặt'];
  app.get(
    '/settings/eligibility',
    {
      schema: {
        tags,
        summary: 'Quy tắc xác định nơi phải tổ chức họp',
        response: { 200: eligibilitySettings },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const current = await readEligibilitySettings(app.db);
      return {
        ...current,
        countedEmploymentTypes: [...current.countedEmploymentTypes],
        canEdit: rootAdministration(actor) !== undefined,
      };
    },
  );

  app.put(
    '/settings/eligibility',
    {
      schema: {
        tags,
        summary: 'Sửa ngưỡng số quần chúng và các loại lao động được tính',
        body: updateEligibilitySettingsBody,
        response: { 200: eligibilitySettings },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const rootPath = rootAdministration(actor);
      if (!rootPath) throw forbidden();
      const { version, ...value } = request.body;
      const saved = await app.db.transaction(async (tx) => {
        const before = await readEligibilitySettings(tx);
        if (before.version !== version) throw staleVersion();
        const [row] = await tx
          .insert(settings)
          .values({ key: ELIGIBILITY_KEY, value, version: before.version + 1 })
          .onConflictDoUpdate({
            target: settings.key,
            set: { value, version: before.version + 1, updatedAt: new Date() },
          })
          .returning();
        await recordAudit(tx, actor, {
          action: 'settings.eligibility_updated',
          targetType: 'settings',
          targetId: ELIGIBILITY_KEY,
          organizationPath: rootPath,
          changes: changedFields(before, value),
        });
        return row!;
      });
      return { ...value, version: saved.version, canEdit: true };
    },
  );

  app.get(
    '/settings/anonymity',
    {
      schema: {
        tags,
        summary: 'Ngưỡng nhóm nhỏ của ý kiến ẩn danh bằng văn bản (dưới ngưỡng: gộp thành một danh sách)',
        response: { 200: anonymitySettings },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const current = await readAnonymitySettings(app.db);
      return { ...current, canEdit: rootAdministration(actor) !== undefined };
    },
  );

  app.put(
    '/settings/anonymity',
    {
      schema: {
        tags,
        summary: 'Sửa ngưỡng nhóm nhỏ của ý kiến ẩn danh bằng văn bản',
        body: updateAnonymitySettingsBody,
        response: { 200: anonymitySettings },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const rootPath = rootAdministration(actor);
      if (!rootPath) throw forbidden();
      const { version, ...value } = request.body;
      const saved = await app.db.transaction(async (tx) => {
        const before = await readAnonymitySettings(tx);
        if (before.version !== version) throw staleVersion();
        const [row] = await tx
          .insert(settings)
          .values({ key: ANONYMITY_KEY, value, version: before.version + 1 })
          .onConflictDoUpdate({
            target: settings.key,
            set: { value, version: before.version + 1, updatedAt: new Date() },
          })
          .returning();
        await recordAudit(tx, actor, {
          action: 'settings.anonymity_updated',
          targetType: 'settings',
          targetId: ANONYMITY_KEY,
          organizationPath: rootPath,
          changes: changedFields(before, value),
        });
        return row!;
      });
      return { ...value, version: saved.version, canEdit: true };
    },
  );
}
