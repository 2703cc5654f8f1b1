/**
 * The anonymous phone form (P5): plain DOM, no framework, its own small bundle. The code comes in
 * the URL fragment (`/phieu#CODE`), which the browser never sends to the server.
 */
import type { FeedbackFormContentBody } from '../contract/feedback-form.js';
import type { PhoneFormOpened } from '../contract/phone-forms.js';
import { FEEDBACK_AREA_LABELS, FORM_AREAS, type FormArea } from '../domain/feedback.js';
import { formatCode } from '../domain/phone-codes.js';
import { LightApiError } from '../light/api.js';
import { codeEntryForm, codeFromFragment, h, showIn } from '../light/dom.js';
import '../light/style.css';
import { openForm, submitForm } from './api.js';
import { dropDraft, loadDraft, saveDraft } from './draft.js';
import { forgetEnded, rememberSent, sentMembers } from './sent.js';

type Member = PhoneFormOpened['members'][number];

const show = showIn('phieu');

const ANONYMOUS_NOTICE =
  'Phiếu này ẩn danh: hệ thống không lưu tên, tài khoản, địa chỉ mạng, thiết bị hay giờ gửi của bạn, ' +
  'và không ghi mã bên cạnh phiếu. Cấp ủy chỉ xem các phiếu sau khi hết giờ nhận phiếu, tất cả cùng lúc, theo thứ tự ngẫu nhiên.';

const REMEMBERED_NOTICE =
  'Máy chủ không cho biết mã này đã góp ý cho ai, kể cả với bạn: chỉ máy này ghi nhớ các phiếu bạn đã gửi. ' +
  'Nếu gửi lại cho cùng một đồng chí, hệ thống sẽ từ chối.';

const dateTime = (iso: string) => {
  const vietnam = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${vietnam.slice(11, 16)} ngày ${vietnam.slice(8, 10)}/${vietnam.slice(5, 7)}/${vietnam.slice(0, 4)}`;
};

function showCodeEntry(initial = '', problem = ''): void {
  const { form, input } = codeEntryForm({
    label: 'Mã trên phiếu (10 ký tự)',
    submit: 'Mở phiếu góp ý',
    initial,
    onCode: (code) => void start(code),
    onMalformed: showCodeEntry,
  });
  show(
    h('h1', {}, 'Phiếu ghi ý kiến đóng góp'),
    h('p', { className: 'notice' }, ANONYMOUS_NOTICE),
    problem ? h('p', { className: 'error', role: 'alert' }, problem) : null,
    form,
  );
  input.focus();
}

function emptyForm(): FeedbackFormContentBody {
  const blank = () => Object.fromEntries(FORM_AREAS.map((area) => [area, ''])) as Record<FormArea, string>;
  return { strengths: blank(), shortcomings: blank(), proposals: '' };
}

function memberForm(code: string, member: Member, onSent: () => void): HTMLElement {
  const content = loadDraft(code, member.selfCriticismId) ?? emptyForm();
  const fieldId = (part: string) => `f-${member.selfCriticismId}-${part}`;
  const area = (part: string, label: string, value: string, write: (text: string) => void) => {
    const textarea = h('textarea', { id: fieldId(part), name: part, value, rows: 2, maxLength: 4000 });
    textarea.addEventListener('input', () => {
      write(textarea.value);
      saveDraft(code, member.selfCriticismId, content);
    });
    return [h('label', { for: fieldId(part) }, label), textarea];
  };
  const status = h('div', { 'aria-live': 'polite' });
  const send = h('button', { type: 'submit' }, `Gửi phiếu góp ý cho đồng chí ${member.fullName}`);
  const form = h(
    'form',
    { className: 'member-form', 'aria-label': `Phiếu góp ý cho đồng chí ${member.fullName}` },
    h(
      'fieldset',
      {},
      h('legend', {}, 'I- VỀ ƯU ĐIỂM'),
      ...FORM_AREAS.flatMap((name) =>
        area(`strengths-${name}`, FEEDBACK_AREA_LABELS[name], content.strengths[name], (text) => {
          content.strengths[name] = text;
        }),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ'),
      ...FORM_AREAS.flatMap((name) =>
        area(`shortcomings-${name}`, FEEDBACK_AREA_LABELS[name], content.shortcomings[name], (text) => {
          content.shortcomings[name] = text;
        }),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'III- ĐỀ XUẤT (nếu có)'),
      ...area('proposals', 'Đề xuất', content.proposals, (text) => {
        content.proposals = text;
      }),
    ),
    h('p', {}, 'Có thể để trống những mục không có ý kiến.'),
    send,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.disabled = true;
    status.replaceChildren(h('p', { className: 'notice' }, 'Đang gửi…'));
    try {
      await submitForm(code, member.selfCriticismId, content);
      dropDraft(code, member.selfCriticismId);
      onSent();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Gửi không được. Hãy thử lại.';
      status.replaceChildren(h('p', { className: 'error', role: 'alert' }, message));
      send.disabled = false;
      if (error instanceof LightApiError && error.status === 409) void afterConflict(code, member, onSent);
    }
  });
  return form;
}

/**
 * After a conflict: when the window is still open, the code had already sent a form about this
 * member (from another phone, or before this one's storage was cleared), so the phone now
 * remembers it; when the window has closed, the page says so.
 */
async function afterConflict(code: string, member: Member, onSent: () => void): Promise<void> {
  try {
    await openForm(code);
    dropDraft(code, member.selfCriticismId);
    onSent();
  } catch (error) {
    if (error instanceof LightApiError && error.status === 409) showClosed(error.message);
  }
}

function memberCard(code: string, member: Member, opened: PhoneFormOpened): HTMLElement {
  const summary = h(
    'dl',
    { className: 'summary' },
    member.duties && h('dt', {}, 'Chức trách, nhiệm vụ'),
    member.duties && h('dd', {}, member.duties),
    member.strengths && h('dt', {}, 'Ưu điểm (cấp ủy tóm tắt)'),
    member.strengths && h('dd', {}, member.strengths),
    member.shortcomings && h('dt', {}, 'Khuyết điểm, hạn chế (cấp ủy tóm tắt)'),
    member.shortcomings && h('dd', {}, member.shortcomings),
  );
  const card = h('section', { className: 'card', 'aria-label': `Đồng chí ${member.fullName}` });
  const title = h('h2', {}, `Đồng chí ${member.fullName}`);
  if (sentMembers(code).has(member.selfCriticismId)) {
    card.append(title, h('p', { className: 'ok' }, `✓ Đã gửi phiếu góp ý cho đồng chí ${member.fullName}.`));
    return card;
  }
  const hasDraft = Boolean(loadDraft(code, member.selfCriticismId));
  const toggle = h(
    'button',
    { type: 'button', className: 'secondary', 'aria-expanded': 'false' },
    hasDraft
      ? `Tiếp tục phiếu đang ghi cho đồng chí ${member.fullName}`
      : `Góp ý cho đồng chí ${member.fullName}`,
  );
  toggle.addEventListener('click', () => {
    const sent = () => {
      rememberSent(code, member.selfCriticismId, opened.windowEndsAt);
      render(code, opened);
      document.getElementById('sent-note')?.focus();
    };
    toggle.replaceWith(memberForm(code, member, sent));
  });
  card.append(
    title,
    summary.childElementCount ? summary : h('p', {}, 'Cấp ủy chưa ghi bản tóm tắt.'),
    toggle,
  );
  return card;
}

function render(code: string, opened: PhoneFormOpened): void {
  const sent = sentMembers(code);
  const sentCount = opened.members.filter((member) => sent.has(member.selfCriticismId)).length;
  show(
    h('h1', {}, 'Phiếu ghi ý kiến đóng góp'),
    h('p', {}, h('strong', {}, opened.workplaceName), ` — buổi họp ngày ${opened.meetingDate}`),
    opened.windowEndsAt ? h('p', {}, `Nhận phiếu đến ${dateTime(opened.windowEndsAt)}.`) : null,
    h('p', { className: 'notice' }, ANONYMOUS_NOTICE),
    h(
      'p',
      {},
      `Mã: ${formatCode(code)}. Mỗi mã gửi được một phiếu cho mỗi đồng chí; có thể góp ý cho một hoặc nhiều đồng chí.`,
    ),
    sentCount
      ? h(
          'p',
          { className: 'ok', id: 'sent-note', tabIndex: -1 },
          `Máy này đã gửi ${sentCount}/${opened.members.length} phiếu bằng mã này.`,
        )
      : null,
    h('p', { className: 'hint' }, REMEMBERED_NOTICE),
    ...opened.members.map((member) => memberCard(code, member, opened)),
  );
}

function showClosed(message: string): void {
  show(h('h1', {}, 'Phiếu ghi ý kiến đóng góp'), h('p', { className: 'notice', role: 'alert' }, message));
}

async function start(code: string): Promise<void> {
  show(h('h1', {}, 'Phiếu ghi ý kiến đóng góp'), h('p', { className: 'notice' }, 'Đang mở phiếu…'));
  try {
    render(code, await openForm(code));
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Không mở được phiếu.';
    if (error instanceof LightApiError && error.status === 409) showClosed(message);
    else showCodeEntry(formatCode(code), message);
  }
}

forgetEnded();
const fromFragment = codeFromFragment();
if (fromFragment.code) void start(fromFragment.code);
else showCodeEntry(fromFragment.typed);
