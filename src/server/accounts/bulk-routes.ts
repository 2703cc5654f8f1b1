import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParams, idSchema } from '../../contract/common.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { USERNAME_RULE } from '../../domain/bulk-accounts.js';
import { vietnamToday } from '../../domain/dates.js';
import { requireActor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import type { App } from '../http/types.js';
import { organizationInScope } from '../organizations/access.js';
import { bulkCandidates, issueBulkAccounts, MAX_BULK_ACCOUNTS, reissueOneTimePassword } from './bulk.js';

const tags = ['Tài khoản'];
const formatQuery = z.object({ format: z.enum(['pdf', 'docx']).default('pdf') });
const bulkBody = z.object({
  includeOfficeHolders: z.boolean().default(false),
  personIds: z.array(idSchema).max(MAX_BULK_ACCOUNTS).default([]),
});
const bulkPreview = z.object({
  rule: z.string(),
  total: z.number().int(),
  max: z.number().int(),
  byOrganization: z.array(
    z.object({ organizationName: z.string(), members: z.number().int(), others: z.number().int() }),
  ),
});

/** Issue 16: accounts for a whole subtree, the sheets of one-time passwords, and a reissue for one. */
export async function bulkAccountRoutes(app: App): Promise<void> {
  const origin = (request: { protocol: string; host: string }) =>
    (app.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
  const send = (reply: FastifyReply, file: { fileName: string; content: Buffer; contentType: string }) =>
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentDisposition(file.fileName))
      // The file holds passwords: no cache keeps it.
      .header('cache-control', 'no-store')
      .send(file.content);

  app.post(
    '/organizations/:id/bulk-accounts/preview',
    {
      schema: {
        tags,
        summary: 'Ai trong tổ chức sẽ được cấp tài khoản (chưa tạo gì)',
        params: idParams,
        body: bulkBody,
        response: { 200: bulkPreview },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const base = await organizationInScope(app.db, actor, request.params.id, ADMINISTRATORS);
      const candidates = await bulkCandidates(app.db, base.path, request.body, vietnamToday(app.clock()));
      const byOrganization = new Map<string, { organizationName: string; members: number; others: number }>();
      for (const candidate of candidates) {
        const entry = byOrganization.get(candidate.organization_id) ?? {
          organizationName: candidate.organization_name,
          members: 0,
          others: 0,
        };
        if (candidate.is_party_member) entry.members++;
        else entry.others++;
        byOrganization.set(candidate.organization_id, entry);
      }
      return {
        rule: USERNAME_RULE,
        total: candidates.length,
        max: MAX_BULK_ACCOUNTS,
        byOrganization: [...byOrganization.values()],
      };
    },
  );

  app.post(
    '/organizations/:id/bulk-accounts',
    {
      schema: {
        tags,
        summary:
          'Cấp tài khoản cho mọi người cần tài khoản trong tổ chức; trả về danh sách mật khẩu dùng một lần theo chi bộ (PDF/DOCX)',
        params: idParams,
        querystring: formatQuery,
        body: bulkBody,
      },
    },
    async (request, reply) => {
      const file = await issueBulkAccounts(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.query.format,
        origin(request),
        app.clock(),
      );
      return send(reply.header('x-accounts-created', String(file.count)), file);
    },
  );

  app.post(
    '/accounts/:id/one-time-password',
    {
      schema: {
        tags,
        summary: 'Cấp lại mật khẩu dùng một lần (mật khẩu cũ hết hiệu lực); trả về phiếu PDF/DOCX',
        params: idParams,
        querystring: formatQuery,
      },
    },
    async (request, reply) =>
      send(
        reply,
        await reissueOneTimePassword(
          app.db,
          requireActor(request.actor),
          request.params.id,
          request.query.format,
          origin(request),
          app.clock(),
        ),
      ),
  );
}
