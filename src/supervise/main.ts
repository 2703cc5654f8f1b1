/**
 * The masses' supervision of the remediation plan with the code from their meeting: plain DOM,
 * no framework, its own small bundle. The code comes in the URL fragment (`/giam-sat#CODE`),
 * which the browser never sends to the server.
 */
import type { RemediationItemView, RemediationPlanView } from '../contract/remediation.js';
import { REMEDIATION_STATUS_LABELS } from '../domain/remediation.js';
import { LightApiError } from '../light/api.js';
import { codeEntryForm, codeFromFragment, h, showIn } from '../light/dom.js';
import '../light/style.css';
import { openPlan, sendComment } from './api.js';
import './style.css';

const show = showIn('giam-sat');

const ddmmyyyy = (isoDay: string) => isoDay.slice(0, 10).split('-').reverse().join('/');

const ANONYMOUS_NOTICE =
  'Ý kiến gửi từ trang này là ẩn danh: hệ thống không lưu mã, tên, tài khoản, địa chỉ mạng, thiết bị hay giờ gửi, chỉ lưu ngày. ' +
  'Các ý kiến ẩn danh trong ngày được công bố cùng lúc vào ngày hôm sau, theo thứ tự ngẫu nhiên, để không ai đoán được người gửi qua giờ gửi.';

const messageOf = (error: unknown) =>
  error instanceof LightApiError ? error.message : 'Có lỗi xảy ra. Hãy thử lại.';

function showCodeEntry(initial = '', problem = ''): void {
  const { form, input } = codeEntryForm({
    label: 'Mã trên phiếu nhận tại buổi họp (10 ký tự)',
    submit: 'Xem kế hoạch khắc phục',
    initial,
    onCode: (code) => void start(code),
    onMalformed: showCodeEntry,
  });
  show(
    h('h1', {}, 'Giám sát kế hoạch khắc phục'),
    problem ? h('p', { className: 'error', role: 'alert' }, problem) : null,
    form,
  );
  input.focus();
}

function commentForm(code: string, item: RemediationItemView, onSent: () => void): HTMLElement {
  const id = `y-kien-${item.id}`;
  const textarea = h('textarea', { id, name: 'text', rows: 2, maxLength: 1000 });
  const status = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', className: 'secondary' }, 'Gửi ý kiến');
  const form = h('form', {}, h('label', { for: id }, 'Ý kiến của bạn về việc này'), textarea, button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!textarea.value.trim()) {
      status.replaceChildren(h('p', { className: 'error', role: 'alert' }, 'Hãy ghi ý kiến trước khi gửi.'));
      return;
    }
    button.disabled = true;
    try {
      await sendComment(code, item.id, textarea.value);
      onSent();
    } catch (error) {
      status.replaceChildren(h('p', { className: 'error', role: 'alert' }, messageOf(error)));
      button.disabled = false;
    }
  });
  return form;
}

function itemCard(code: string, item: RemediationItemView, index: number, reload: (note: string) => void) {
  return h(
    'section',
    { className: 'card', 'aria-label': `Việc ${index + 1}` },
    h('h2', {}, `${index + 1}. ${item.action}`),
    h('span', { className: `badge ${item.status}` }, REMEDIATION_STATUS_LABELS[item.status]),
    h(
      'p',
      { className: 'meta' },
      `Chịu trách nhiệm: ${item.responsibleName} · Thời hạn: ${ddmmyyyy(item.deadline)}`,
    ),
    item.notes.length > 0 &&
      h(
        'div',
        {},
        h('h3', {}, 'Tiến độ'),
        h(
          'ul',
          {},
          ...item.notes.map((note) =>
            h(
              'li',
              {},
              `${ddmmyyyy(note.createdOn)} — ${REMEDIATION_STATUS_LABELS[note.status]}: ${note.text}`,
            ),
          ),
        ),
      ),
    item.comments.length > 0 &&
      h(
        'div',
        {},
        h('h3', {}, 'Ý kiến giám sát'),
        h(
          'ul',
          {},
          ...item.comments.map((comment) =>
            h(
              'li',
              {},
              `${ddmmyyyy(comment.createdOn)} — ${comment.authorName ?? 'Quần chúng (ẩn danh)'}: ${comment.text}`,
              comment.answer && h('div', { className: 'answer' }, `Cấp ủy trả lời: ${comment.answer}`),
            ),
          ),
        ),
      ),
    commentForm(code, item, () =>
      reload(
        'Đã gửi ý kiến của bạn. Ý kiến sẽ hiện từ ngày mai, cùng các ý kiến ẩn danh khác trong ngày. Cảm ơn bạn đã giám sát.',
      ),
    ),
  );
}

function showPlan(code: string, plan: RemediationPlanView, note = ''): void {
  const reload = (message: string) => void start(code, message);
  show(
    h('h1', {}, 'Kế hoạch khắc phục hạn chế, khuyết điểm'),
    h('p', { className: 'meta' }, `${plan.workplaceName} — năm ${plan.year}`),
    h('p', {}, `${plan.tally.total} việc · đã hoàn thành ${plan.tally.done} · quá hạn ${plan.tally.overdue}`),
    note ? h('p', { className: 'ok', role: 'status' }, note) : null,
    h('p', { className: 'notice' }, ANONYMOUS_NOTICE),
    plan.items.length === 0 ? h('p', {}, 'Cấp ủy chưa lập việc khắc phục nào.') : null,
    ...plan.items.map((item, index) => itemCard(code, item, index, reload)),
  );
}

async function start(code: string, note = ''): Promise<void> {
  try {
    showPlan(code, await openPlan(code), note);
  } catch (error) {
    showCodeEntry(code, messageOf(error));
  }
}

const fromFragment = codeFromFragment();
if (fromFragment.code) void start(fromFragment.code);
else showCodeEntry();
