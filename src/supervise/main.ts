/**
 * The masses' supervision of the remediation plan with the code from their meeting: plain DOM,
 * no framework, its own small bundle. The code comes in the URL fragment (`/giam-sat#CODE`),
 * which the browser never sends to the server.
 */
import type { RemediationItemView, RemediationPlanView } from '../contract/remediation.js';
import { isWellFormedCode, normalizeCode } from '../domain/phone-codes.js';
import { REMEDIATION_STATUS_LABELS } from '../domain/remediation.js';
import { openPlan, SuperviseApiError, sendComment } from './api.js';
import './style.css';

type Child = Node | string | null | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('data-') || name.startsWith('aria-') || name === 'for')
      element.setAttribute(name, String(value));
    else (element as unknown as Record<string, unknown>)[name] = value;
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const root = document.getElementById('giam-sat') as HTMLElement;

const show = (...children: Child[]) =>
  root.replaceChildren(...children.filter((child) => child !== null && child !== false));

const ddmmyyyy = (isoDay: string) => isoDay.slice(0, 10).split('-').reverse().join('/');

const ANONYMOUS_NOTICE =
  'Ý kiến gửi từ trang này là ẩn danh: hệ thống không lưu mã, tên, tài khoản, địa chỉ mạng, thiết bị hay giờ gửi, chỉ lưu ngày.';

const messageOf = (error: unknown) =>
  error instanceof SuperviseApiError ? error.message : 'Có lỗi xảy ra. Hãy thử lại.';

function showCodeEntry(initial = '', problem = ''): void {
  const input = h('input', {
    id: 'code',
    name: 'code',
    value: initial,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: false,
    placeholder: 'ABCDE-FGHJK',
  });
  const form = h(
    'form',
    {},
    h('label', { for: 'code' }, 'Mã trên phiếu nhận tại buổi họp (10 ký tự)'),
    input,
    h('button', { type: 'submit' }, 'Xem kế hoạch khắc phục'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = normalizeCode(input.value);
    if (!isWellFormedCode(code)) {
      showCodeEntry(
        input.value,
        'Mã gồm 10 ký tự chữ và số (không có số 0, số 1, chữ O, I, L). Hãy kiểm tra lại.',
      );
      return;
    }
    history.replaceState(null, '', `#${code}`);
    void start(code);
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
    commentForm(code, item, () => reload('Đã gửi ý kiến của bạn. Cảm ơn bạn đã giám sát.')),
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

const fromFragment = normalizeCode(decodeURIComponent(location.hash.slice(1)));
if (isWellFormedCode(fromFragment)) void start(fromFragment);
else showCodeEntry();
