import { idParams } from '../../contract/common.js';
import { eraseBody, personalData } from '../../contract/personal-data.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { recordAudit } from '../audit/record.js';
import { type Actor, requireActor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import type { App } from '../http/types.js';
import { personInScope } from '../people/access.js';
import { XLSX_TYPE } from '../people/roster-workbook.js';
import { readSecuritySettings } from '../settings/security-settings.js';
import { collectPersonalData } from './collect.js';
import { erasePerson } from './erase.js';
import { personalDataWorkbook } from './workbook.js';

const tags = ['Dữ liệu cá nhân'];

/** S8: an administrator shows, hands over and (for a non-member, after the retention period) erases one person's data. */
export async function personalDataRoutes(app: App): Promise<void> {
  /** The person's data, after the scope check; the read itself is audited (who took whose data out). */
  const gather = async (actor: Actor, personId: string, action: string) => {
    const { person, workplaceOrganizationPath } = await personInScope(
      app.db,
      actor,
      personId,
      ADMINISTRATORS,
    );
    const { nonMemberRetentionMonths } = await readSecuritySettings(app.db);
    const data = await collectPersonalData(app.db, person, nonMemberRetentionMonths, app.clock());
    await recordAudit(app.db, actor, {
      action,
      targetType: 'person',
      targetId: personId,
      organizationPath: workplaceOrganizationPath,
    });
    return data;
  };

  app.get(
    '/people/:id/personal-data',
    {
      schema: {
        tags,
        summary:
          'Mọi dữ liệu hệ thống giữ về một người (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân)',
        params: idParams,
        response: { 200: personalData },
      },
    },
    async (request) => gather(requireActor(request.actor), request.params.id, 'person.personal_data_read'),
  );

  app.get(
    '/people/:id/personal-data.json',
    {
      schema: { tags, summary: 'Tải dữ liệu cá nhân của một người (.json)', params: idParams },
    },
    async (request, reply) => {
      const data = await gather(
        requireActor(request.actor),
        request.params.id,
        'person.personal_data_exported',
      );
      return reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          attachmentDisposition(`Dữ liệu cá nhân - ${data.person.fullName}.json`, 'du-lieu-ca-nhan'),
        )
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.get(
    '/people/:id/personal-data.xlsx',
    {
      schema: { tags, summary: 'Tải dữ liệu cá nhân của một người (.xlsx)', params: idParams },
    },
    async (request, reply) => {
      const data = await gather(
        requireActor(request.actor),
        request.params.id,
        'person.personal_data_exported',
      );
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentDisposition(`Dữ liệu cá nhân - ${data.person.fullName}.xlsx`, 'du-lieu-ca-nhan'),
        )
        .header('cache-control', 'no-store')
        .send(await personalDataWorkbook(data));
    },
  );

  app.post(
    '/people/:id/erasure',
    {
      schema: {
        tags,
        summary: 'Xóa dữ liệu cá nhân của một quần chúng đã hết thời hạn lưu giữ (giữ nguyên các số liệu)',
        params: idParams,
        body: eraseBody,
        response: { 200: personalData },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await erasePerson(app.db, actor, request.params.id, request.body.version, app.clock());
      return gather(actor, request.params.id, 'person.personal_data_read');
    },
  );
}
