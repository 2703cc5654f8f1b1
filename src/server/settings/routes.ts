import {
  anonymitySettings,
  eligibilitySettings,
  securitySettings,
  updateAnonymitySettingsBody,
  updateEligibilitySettingsBody,
  updateSecuritySettingsBody,
} from '../../contract/settings.js';
import type { DbOrTx } from '../../db/client.js';
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
import { readSecuritySettings, SECURITY_KEY } from './security-settings.js';

/** Settings are system-wide, so only an administrator at a root of the tree may change them. */
function rootAdministration(actor: Actor): string | undefined {
  return actor.grants.find(
    (grant) => ADMINISTRATORS.includes(grant.role) && depthOf(grant.organizationPath) === 0,
  )?.organizationPath;
}

/** One settings record written under its version, with an audit entry of the fields that changed. */
async function saveSetting<Value extends object>(
  app: App,
  actor: Actor,
  key: string,
  read: (db: DbOrTx) => Promise<Value & { version: number }>,
  { version, ...value }: Value & { version: number },
): Promise<number> {
  const rootPath = rootAdministration(actor);
  if (!rootPath) throw forbidden();
  return app.db.transaction(async (tx) => {
    const before = await read(tx);
    if (before.version !== version) throw staleVersion();
    const [row] = await tx
      .insert(settings)
      .values({ key, value, version: before.version + 1 })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, version: before.version + 1, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, actor, {
      action: `settings.${key}_updated`,
      targetType: 'settings',
      targetId: key,
      organizationPath: rootPath,
      changes: changedFields(before, value),
    });
    return row!.version;
  });
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
      const version = await saveSetting(app, actor, ELIGIBILITY_KEY, readEligibilitySettings, request.body);
      const { version: _read, ...value } = request.body;
      return { ...value, version, canEdit: true };
    },
  );

  app.get(
    '/settings/security',
    {
      schema: {
        tags,
        summary: 'Bảo mật và dữ liệu cá nhân: bắt buộc xác thực hai lớp, thời hạn lưu dữ liệu của quần chúng',
        response: { 200: securitySettings },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const current = await readSecuritySettings(app.db);
      return { ...current, canEdit: rootAdministration(actor) !== undefined };
    },
  );

  app.put(
    '/settings/security',
    {
      schema: {
        tags,
        summary: 'Sửa cài đặt bảo mật và thời hạn lưu dữ liệu cá nhân',
        body: updateSecuritySettingsBody,
        response: { 200: securitySettings },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const version = await saveSetting(app, actor, SECURITY_KEY, readSecuritySettings, request.body);
      const { version: _read, ...value } = request.body;
      return { ...value, version, canEdit: true };
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
