import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  { method: 'GET', path: '/meetings/:id/remediation' },
  {
    method: 'POST',
    path: '/meetings/:id/remediation-items',
    body: () => ({
      responsibleKind: 'organization',
      action: 'Sắp xếp lại lịch tiếp dân.',
      deadline: '2099-12-31',
    }),
    bad: { in: 'body', field: 'deadline', value: '31/12/2099' },
  },
  {
    method: 'PATCH',
    path: '/remediation-items/:id',
    body: () => ({ version: 1, action: 'Nội dung mới' }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'POST',
    path: '/remediation-items/:id/notes',
    body: () => ({ version: 1, text: 'Đã họp rút kinh nghiệm.', status: 'in_progress' }),
    bad: { in: 'body', field: 'status', value: 'xong' },
  },
  { method: 'POST', path: '/remediation-items/:id/evidence', multipart: true },
  { method: 'GET', path: '/remediation-items/:id/notes/:noteId/evidence' },
  { method: 'GET', path: '/me/remediation-items' },
  { method: 'GET', path: '/me/workplace-remediation' },
  {
    method: 'POST',
    path: '/remediation-items/:id/comments',
    body: () => ({ text: 'Đề nghị làm rõ tiến độ.' }),
    bad: { in: 'body', field: 'text', value: 5 },
  },
  {
    method: 'POST',
    path: '/remediation-comments/:id/answer',
    body: () => ({ version: 1, text: 'Cấp ủy đã ghi nhận.' }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'POST',
    path: '/supervise/open',
    anonymous: true,
    body: () => ({ code: 'ABCDE-FGHJK' }),
    bad: { in: 'body', field: 'code', value: 5 },
  },
  {
    method: 'POST',
    path: '/supervise/comment',
    anonymous: true,
    body: () => ({ code: 'ABCDE-FGHJK', itemId: crypto.randomUUID(), text: 'Góp ý' }),
    bad: { in: 'body', field: 'itemId', value: 'khong-phai-ma' },
  },
  { method: 'GET', path: '/meetings/:id/remediation.docx' },
  { method: 'GET', path: '/meetings/:id/remediation.pdf' },
];
