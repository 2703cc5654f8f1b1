import { ENTRIES as ACCOUNT_SECURITY_ENTRIES } from './auth/bad-input-entries.js';
import { ENTRIES as COMPILATION_ENTRIES } from './compilations/bad-input-entries.js';
import { ENTRIES as FEEDBACK_ENTRIES } from './feedback/bad-input-entries.js';
import { ENTRIES as MEETING_ENTRIES } from './meetings/bad-input-entries.js';
import { ENTRIES as MINUTES_ENTRIES } from './minutes/bad-input-entries.js';
import { ENTRIES as PEOPLE_ENTRIES } from './people/bad-input-entries.js';
import { ENTRIES as PERSONAL_DATA_ENTRIES } from './personal-data/bad-input-entries.js';
import { ENTRIES as PHONE_FORM_ENTRIES } from './phone-forms/bad-input-entries.js';
import { ENTRIES as PLAN_ENTRIES } from './plans/bad-input-entries.js';
import { ENTRIES as PROVINCE_ENTRIES } from './province/bad-input-entries.js';
import { ENTRIES as REMEDIATION_ENTRIES } from './remediation/bad-input-entries.js';
import { ENTRIES as REPORT_ENTRIES } from './reports/bad-input-entries.js';
import { ENTRIES as WRITTEN_FEEDBACK_ENTRIES } from './written-feedback/bad-input-entries.js';
import { ENTRIES as YEAR_END_ENTRIES } from './year-end/bad-input-entries.js';

/** Every endpoint of the API, with what a valid request and a malformed one look like (bad-input.test.ts). */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Fastify's form: `:id` marks an id parameter. */
  path: string;
  /** A body (or query string) that passes validation, so an unknown id reaches the lookup. */
  body?: (ids: KnownIds) => object;
  query?: string;
  /** One field sent malformed, and the issue path the answer must name. */
  bad?: { in: 'body' | 'querystring'; field: string; value: unknown };
  /** Routes used before login (login itself): driven without the administrator's cookie. */
  anonymous?: boolean;
  /** File uploads: they take multipart/form-data, not JSON. */
  multipart?: boolean;
}

export interface KnownIds {
  root: string;
  workplace: string;
}

const FOUNDATION_TO_SELF_CRITICISM: Endpoint[] = [
  {
    method: 'POST',
    path: '/sessions',
    anonymous: true,
    body: () => ({ username: 'ai', password: 'x' }),
    bad: { in: 'body', field: 'username', value: 5 },
  },
  { method: 'DELETE', path: '/sessions/current', anonymous: true },
  { method: 'GET', path: '/me' },
  { method: 'GET', path: '/me/tasks' },
  {
    method: 'PUT',
    path: '/me/email',
    body: () => ({ email: 'ten@coquan.gov.vn' }),
    bad: { in: 'body', field: 'email', value: 'khong-phai-thu' },
  },
  {
    method: 'PUT',
    path: '/me/password',
    body: () => ({ currentPassword: 'x', newPassword: 'y' }),
    bad: { in: 'body', field: 'newPassword', value: 5 },
  },

  {
    method: 'GET',
    path: '/organizations',
    bad: { in: 'querystring', field: 'parentId', value: 'khong-phai-ma' },
  },
  { method: 'GET', path: '/organizations/:id' },
  {
    method: 'POST',
    path: '/organizations',
    body: (ids) => ({
      parentId: ids.root,
      kind: 'cell',
      name: 'Chi bộ',
      shortName: '',
      headerSuperior: '',
      headerIssuer: '',
    }),
    bad: { in: 'body', field: 'name', value: 42 },
  },
  {
    method: 'PATCH',
    path: '/organizations/:id',
    body: () => ({ version: 1, name: 'Tên' }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'POST',
    path: '/organizations/:id/move',
    body: (ids) => ({ version: 1, parentId: ids.root }),
    bad: { in: 'body', field: 'parentId', value: 'cha' },
  },
  {
    method: 'POST',
    path: '/organizations/:id/close',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: -1 },
  },
  {
    method: 'POST',
    path: '/organizations/:id/reopen',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 1.5 },
  },

  { method: 'GET', path: '/workplaces', bad: { in: 'querystring', field: 'organizationId', value: '123' } },
  { method: 'GET', path: '/workplaces/:id' },
  {
    method: 'POST',
    path: '/workplaces',
    body: (ids) => ({ organizationId: ids.root, name: 'Sở', address: '' }),
    bad: { in: 'body', field: 'organizationId', value: 'abc' },
  },
  {
    method: 'PATCH',
    path: '/workplaces/:id',
    body: () => ({ version: 1, address: 'Số 1' }),
    bad: { in: 'body', field: 'name', value: 7 },
  },
  {
    method: 'POST',
    path: '/workplaces/:id/close',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: null },
  },
  {
    method: 'POST',
    path: '/workplaces/:id/reopen',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: '2' },
  },

  { method: 'GET', path: '/people', bad: { in: 'querystring', field: 'pageSize', value: 'nhieu' } },
  { method: 'GET', path: '/people/:id' },
  {
    method: 'POST',
    path: '/people',
    body: () => ({
      workplaceId: crypto.randomUUID(),
      fullName: 'Nguyễn Văn A',
      employmentType: 'permanent',
      isPartyMember: false,
    }),
    bad: { in: 'body', field: 'employmentType', value: 'tam-thoi' },
  },
  {
    method: 'PATCH',
    path: '/people/:id',
    body: () => ({ version: 1, jobTitle: 'Kế toán' }),
    bad: { in: 'body', field: 'birthDate', value: '31/02/2020' },
  },
  {
    method: 'DELETE',
    path: '/people/:id',
    query: 'version=1',
    bad: { in: 'querystring', field: 'version', value: 'mot' },
  },

  { method: 'GET', path: '/accounts', bad: { in: 'querystring', field: 'page', value: '0' } },
  { method: 'GET', path: '/accounts/:id' },
  {
    method: 'POST',
    path: '/accounts',
    body: (ids) => ({
      username: 'moi.tk',
      displayName: 'Mới',
      password: 'mat-khau-9',
      homeOrganizationId: ids.root,
    }),
    bad: { in: 'body', field: 'username', value: 'Có Dấu' },
  },
  {
    method: 'PATCH',
    path: '/accounts/:id',
    body: () => ({ version: 1, disabled: true }),
    bad: { in: 'body', field: 'disabled', value: 'có' },
  },
  {
    method: 'POST',
    path: '/accounts/:id/password-reset',
    body: () => ({ newPassword: 'mat-khau-moi-9' }),
    bad: { in: 'body', field: 'newPassword', value: 123 },
  },
  {
    method: 'POST',
    path: '/accounts/:id/roles',
    body: (ids) => ({ role: 'member', organizationId: ids.root }),
    bad: { in: 'body', field: 'role', value: 'vua' },
  },
  { method: 'DELETE', path: '/accounts/:id/roles/:assignmentId' },
  { method: 'POST', path: '/accounts/:id/second-factor-reset' },

  { method: 'GET', path: '/roster-template' },
  { method: 'GET', path: '/workplaces/:id/roster.xlsx' },
  { method: 'GET', path: '/organizations/:id/roster.xlsx' },
  { method: 'POST', path: '/workplaces/:id/roster-imports', multipart: true },

  { method: 'GET', path: '/audit-entries', bad: { in: 'querystring', field: 'from', value: '2024-13-01' } },

  { method: 'GET', path: '/settings/eligibility' },
  {
    method: 'PUT',
    path: '/settings/eligibility',
    body: () => ({ version: 1, threshold: 5, countedEmploymentTypes: ['permanent'] }),
    bad: { in: 'body', field: 'threshold', value: 'năm' },
  },
  { method: 'GET', path: '/settings/anonymity' },
  {
    method: 'PUT',
    path: '/settings/anonymity',
    body: () => ({ version: 1, smallGroupThreshold: 3 }),
    bad: { in: 'body', field: 'smallGroupThreshold', value: 'ba' },
  },
  { method: 'GET', path: '/settings/security' },
  {
    method: 'PUT',
    path: '/settings/security',
    body: () => ({ version: 1, requireSecondFactorForOfficers: false, nonMemberRetentionMonths: 24 }),
    bad: { in: 'body', field: 'nonMemberRetentionMonths', value: 0 },
  },

  { method: 'GET', path: '/plans', bad: { in: 'querystring', field: 'year', value: 'nam-nay' } },
  {
    method: 'GET',
    path: '/plans/template',
    query: 'organizationId=00000000-0000-4000-8000-000000000000',
    bad: { in: 'querystring', field: 'organizationId', value: 'to-chuc' },
  },
  { method: 'GET', path: '/plans/:id' },
  {
    method: 'POST',
    path: '/plans',
    body: (ids) => ({
      organizationId: ids.root,
      year: 2026,
      title: 'Kế hoạch',
      meetingsDueOn: '2026-11-15',
      baseReportsDueOn: '2026-11-20',
      upwardReportDueOn: '2026-11-30',
    }),
    bad: { in: 'body', field: 'title', value: 42 },
  },
  {
    method: 'PATCH',
    path: '/plans/:id',
    body: () => ({ version: 1, place: 'Trà Vinh' }),
    bad: { in: 'body', field: 'meetingsDueOn', value: '31/11/2026' },
  },
  {
    method: 'POST',
    path: '/plans/:id/publish',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'POST',
    path: '/plans/:id/derive',
    body: (ids) => ({ organizationId: ids.root }),
    bad: { in: 'body', field: 'organizationId', value: 'co-so' },
  },
  {
    method: 'POST',
    path: '/plans/:id/deadline-changes',
    body: () => ({ deadline: 'meetingsDueOn', toDate: '2026-11-10', reason: 'Lùi hạn' }),
    bad: { in: 'body', field: 'deadline', value: 'hom-nay' },
  },
  {
    method: 'GET',
    path: '/plans/:id/workplaces',
    bad: { in: 'querystring', field: 'status', value: 'xong' },
  },
  {
    method: 'POST',
    path: '/plans/:id/workplaces/:workplaceId/correction',
    body: () => ({ version: 1, required: false, reason: 'Danh sách sai' }),
    bad: { in: 'body', field: 'required', value: 'không' },
  },
  { method: 'GET', path: '/plans/:id/document.docx' },
  { method: 'GET', path: '/plans/:id/document.pdf' },
  {
    method: 'GET',
    path: '/plans/:id/progress',
    bad: { in: 'querystring', field: 'organizationId', value: 'khong-phai-ma' },
  },
  {
    method: 'GET',
    path: '/plans/:id/progress.xlsx',
    bad: { in: 'querystring', field: 'organizationId', value: '12' },
  },

  {
    method: 'POST',
    path: '/plans/:id/workplaces/:workplaceId/self-criticisms/sync',
  },
  {
    method: 'GET',
    path: '/self-criticisms',
    bad: { in: 'querystring', field: 'status', value: 'xong' },
  },
  { method: 'GET', path: '/self-criticisms/mine' },
  { method: 'GET', path: '/self-criticisms/:id' },
  {
    method: 'PATCH',
    path: '/self-criticisms/:id',
    body: () => ({ version: 1, content: { duties: 'Hoàn thành' } }),
    bad: { in: 'body', field: 'manifestationAnswer', value: 'không' },
  },
  {
    method: 'PATCH',
    path: '/self-criticisms/:id/header',
    body: () => ({ version: 1, assignedDuty: 'Kế toán' }),
    bad: { in: 'body', field: 'fullName', value: '' },
  },
  {
    method: 'POST',
    path: '/self-criticisms/:id/submit',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'POST',
    path: '/self-criticisms/:id/return',
    body: () => ({ version: 1, reason: 'Viết cụ thể hơn' }),
    bad: { in: 'body', field: 'reason', value: '' },
  },
  {
    method: 'POST',
    path: '/self-criticisms/:id/accept',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 0 },
  },
  {
    method: 'PUT',
    path: '/self-criticisms/:id/committee-comment',
    body: () => ({ version: 1, comment: 'Nghiêm túc' }),
    bad: { in: 'body', field: 'comment', value: 7 },
  },
  {
    method: 'PUT',
    path: '/self-criticisms/:id/summary',
    body: () => ({ version: 1, duties: '', strengths: '', shortcomings: '' }),
    bad: { in: 'body', field: 'strengths', value: null },
  },
  { method: 'GET', path: '/self-criticisms/:id/document.docx' },
  { method: 'GET', path: '/self-criticisms/:id/document.pdf' },
  ...['with_office', 'without_office'].flatMap((template) =>
    ['docx', 'pdf'].map(
      (format): Endpoint => ({
        method: 'GET',
        path: `/self-criticism-templates/${template}/document.${format}`,
        bad: { in: 'querystring', field: 'planId', value: 'khong-phai-ma' },
      }),
    ),
  ),
  { method: 'GET', path: '/plans/:id/workplaces/:workplaceId/summary-list.docx' },
  { method: 'GET', path: '/plans/:id/workplaces/:workplaceId/summary-list.pdf' },
  { method: 'GET', path: '/plans/:id/workplaces/:workplaceId/self-criticisms.zip' },
  { method: 'GET', path: '/self-criticisms/:id/versions' },
  {
    method: 'GET',
    path: '/self-criticisms/:id/versions/diff',
    query: 'from=1&to=2',
    bad: { in: 'querystring', field: 'from', value: 'mot' },
  },

  {
    method: 'POST',
    path: '/plans/:id/concerns',
    body: (ids) => ({ organizationId: ids.root, subject: 'Vướng mắc', body: 'Nội dung' }),
    bad: { in: 'body', field: 'subject', value: 12 },
  },
  { method: 'GET', path: '/concerns', bad: { in: 'querystring', field: 'status', value: 'mo' } },
  { method: 'GET', path: '/concerns/:id' },
  {
    method: 'POST',
    path: '/concerns/:id/messages',
    body: () => ({ body: 'Trả lời' }),
    bad: { in: 'body', field: 'body', value: ['a'] },
  },
  {
    method: 'POST',
    path: '/concerns/:id/close',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
];

/** Later modules keep their entries beside their routes. */
export const CATALOGUE: Endpoint[] = [
  ...FOUNDATION_TO_SELF_CRITICISM,
  ...ACCOUNT_SECURITY_ENTRIES,
  ...PERSONAL_DATA_ENTRIES,
  ...MEETING_ENTRIES,
  ...FEEDBACK_ENTRIES,
  ...PHONE_FORM_ENTRIES,
  ...WRITTEN_FEEDBACK_ENTRIES,
  ...MINUTES_ENTRIES,
  ...REMEDIATION_ENTRIES,
  ...COMPILATION_ENTRIES,
  ...REPORT_ENTRIES,
  ...YEAR_END_ENTRIES,
  ...PEOPLE_ENTRIES,
  ...PLAN_ENTRIES,
  ...PROVINCE_ENTRIES,
];
