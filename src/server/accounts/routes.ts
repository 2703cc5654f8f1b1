import {
  account,
  accountsPage,
  createAccountBody,
  createRoleAssignmentBody,
  listAccountsQuery,
  resetPasswordBody,
  roleAssignmentParams,
  updateAccountBody,
} from '../../contract/accounts.js';
import { idParams, okBody } from '../../contract/common.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { accountInScope } from './access.js';
import { presentAccount } from './presenter.js';
import { grantRole, revokeRole } from './role-assignments.js';
import { createAccount, resetPassword, resetSecondFactor, updateAccount } from './service.js';
import { listAccounts, loadAccountView } from './views.js';

const tags = ['Tài khoản'];

export async function accountRoutes(app: App): Promise<void> {
  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Tài khoản thuộc phạm vi quản trị của mình',
        querystring: listAccountsQuery,
        response: { 200: accountsPage },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { items, total } = await listAccounts(app.db, actor, request.query);
      const { page, pageSize } = request.query;
      return { items: items.map((view) => presentAccount(view, actor)), total, page, pageSize };
    },
  );

  app.get(
    '/accounts/:id',
    { schema: { tags, summary: 'Chi tiết tài khoản', params: idParams, response: { 200: account } } },
    async (request) => {
      const actor = requireActor(request.actor);
      await accountInScope(app.db, actor, request.params.id);
      return presentAccount(await loadAccountView(app.db, request.params.id), actor);
    },
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản (mật khẩu tạm, phải đổi khi đăng nhập lần đầu)',
        body: createAccountBody,
        response: { 201: account },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await createAccount(app.db, actor, request.body);
      return reply.status(201).send(presentAccount(await loadAccountView(app.db, created.id), actor));
    },
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tên hiển thị, khóa hoặc mở khóa, gắn với người trong danh sách',
        params: idParams,
        body: updateAccountBody,
        response: { 200: account },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await updateAccount(app.db, actor, request.params.id, request.body);
      return presentAccount(await loadAccountView(app.db, request.params.id), actor);
    },
  );

  app.post(
    '/accounts/:id/password-reset',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (mật khẩu tạm) và đăng xuất mọi phiên của tài khoản',
        params: idParams,
        body: resetPasswordBody,
        response: { 200: okBody },
      },
    },
    async (request) => {
      await resetPassword(app.db, requireActor(request.actor), request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/accounts/:id/second-factor-reset',
    {
      schema: {
        tags,
        summary: 'Tắt xác thực hai lớp của tài khoản (mất điện thoại và mã dự phòng) và đăng xuất mọi phiên',
        params: idParams,
        response: { 200: okBody },
      },
    },
    async (request) => {
      await resetSecondFactor(app.db, requireActor(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/accounts/:id/roles',
    {
      schema: {
        tags,
        summary: 'Giao vai trò tại một tổ chức',
        params: idParams,
        body: createRoleAssignmentBody,
        response: { 201: account },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await grantRole(app.db, actor, request.params.id, request.body);
      return reply.status(201).send(presentAccount(await loadAccountView(app.db, request.params.id), actor));
    },
  );

  app.delete(
    '/accounts/:id/roles/:assignmentId',
    {
      schema: {
        tags,
        summary: 'Bỏ một vai trò',
        params: roleAssignmentParams,
        response: { 200: account },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { id, assignmentId } = request.params;
      await revokeRole(app.db, actor, id, assignmentId);
      return presentAccount(await loadAccountView(app.db, id), actor);
    },
  );
}
