import { idParams } from '../../contract/common.js';
import {
  yearEndMembersPage,
  yearEndMembersQuery,
  yearEndOrganizations as yearEndOrganizationsBody,
  yearEndQuery,
} from '../../contract/year-end.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { recordPersonalRead } from '../audit/personal-reads.js';
import { recordAudit } from '../audit/record.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { XLSX_TYPE } from '../people/roster-workbook.js';
import { yearEndScope } from './access.js';
import { yearEndMembers } from './members.js';
import { yearEndOrganizations } from './organizations.js';
import { membersWorkbook, organizationsWorkbook } from './workbooks.js';

const tags = ['Tổng kết năm'];

export async function yearEndRoutes(app: App): Promise<void> {
  app.get(
    '/plans/:id/year-end/members',
    {
      schema: {
        tags,
        summary: 'Kết quả của từng đảng viên trong tổ chức (phục vụ xếp loại chất lượng đảng viên)',
        params: idParams,
        querystring: yearEndMembersQuery,
        response: { 200: yearEndMembersPage },
      },
    },
    async (request) => {
      const { page, pageSize, organizationId } = request.query;
      const scope = await yearEndScope(
        app.db,
        requireActor(request.actor),
        request.params.id,
        organizationId,
      );
      const slice = { limit: pageSize, offset: (page - 1) * pageSize };
      const members = await yearEndMembers(app.db, scope, slice);
      // S8: the members' accepted shortcomings are opinions about them.
      await recordPersonalRead(app.db, requireActor(request.actor), {
        action: 'year-end.members.read',
        targetType: 'plan',
        targetId: scope.header.plan.id,
        organizationPath: scope.nodePath,
      });
      return { ...scope.header, ...members, page, pageSize };
    },
  );

  app.get(
    '/plans/:id/year-end/members.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất kết quả của từng đảng viên (.xlsx)',
        params: idParams,
        querystring: yearEndQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const scope = await yearEndScope(app.db, actor, request.params.id, request.query.organizationId);
      const { items } = await yearEndMembers(app.db, scope);
      // QUALITY S8: who took a list of members' results out of the system is kept.
      await recordAudit(app.db, actor, {
        action: 'year-end.members.export',
        targetType: 'plan',
        targetId: scope.header.plan.id,
        organizationPath: scope.nodePath,
      });
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentDisposition(
            `Tổng kết đảng viên - ${scope.header.organization.name}.xlsx`,
            'tong-ket-dang-vien',
          ),
        )
        .header('cache-control', 'no-store')
        .send(await membersWorkbook(scope.header, items));
    },
  );

  app.get(
    '/plans/:id/year-end/organizations',
    {
      schema: {
        tags,
        summary: 'Bảng xếp hạng các tổ chức (phục vụ thi đua, khen thưởng)',
        params: idParams,
        querystring: yearEndQuery,
        response: { 200: yearEndOrganizationsBody },
      },
    },
    async (request) => {
      const scope = await yearEndScope(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.query.organizationId,
      );
      return { ...scope.header, items: await yearEndOrganizations(app.db, scope) };
    },
  );

  app.get(
    '/plans/:id/year-end/organizations.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất bảng xếp hạng các tổ chức (.xlsx)',
        params: idParams,
        querystring: yearEndQuery,
      },
    },
    async (request, reply) => {
      const scope = await yearEndScope(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.query.organizationId,
      );
      const items = await yearEndOrganizations(app.db, scope);
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentDisposition(
            `Xếp hạng tổ chức - ${scope.header.organization.name}.xlsx`,
            'xep-hang-to-chuc',
          ),
        )
        .header('cache-control', 'no-store')
        .send(await organizationsWorkbook(scope.header, items));
    },
  );
}
