/**
 * The few DOM helpers the light pages (phone form, masses' supervision) share: plain DOM, no
 * framework, so each page stays its own small bundle.
 */
import { isWellFormedCode, normalizeCode } from '../domain/phone-codes.js';

export type Child = Node | string | null | false;

export function h<K extends keyof HTMLElementTagNameMap>(
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

/** Replaces what the page's root element shows. */
export function showIn(rootId: string): (...children: Child[]) => void {
  const root = document.getElementById(rootId) as HTMLElement;
  return (...children) =>
    root.replaceChildren(...children.filter((child) => child !== null && child !== false));
}

/**
 * The code in the URL fragment (`#CODE`), which the browser never sends to the server: `code` when
 * it is well formed, and what was there as typed (to show back in the code entry when it is not).
 */
export function codeFromFragment(): { code: string | null; typed: string } {
  const typed = decodeURIComponent(location.hash.slice(1));
  const code = normalizeCode(typed);
  return { code: isWellFormedCode(code) ? code : null, typed };
}

const MALFORMED_CODE_MESSAGE =
  'Mã gồm 10 ký tự chữ và số (không có số 0, số 1, chữ O, I, L). Hãy kiểm tra lại.';

/**
 * The form asking for the code printed on the sheet. A well-formed code goes into the fragment
 * (so a reload keeps it) and to `onCode`; a malformed one to `onMalformed` with what was typed.
 */
export function codeEntryForm(options: {
  label: string;
  submit: string;
  initial: string;
  onCode: (code: string) => void;
  onMalformed: (typed: string, problem: string) => void;
}): { form: HTMLFormElement; input: HTMLInputElement } {
  const input = h('input', {
    id: 'code',
    name: 'code',
    value: options.initial,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: false,
    inputMode: 'text',
    placeholder: 'ABCDE-FGHJK',
  });
  const form = h(
    'form',
    {},
    h('label', { for: 'code' }, options.label),
    input,
    h('button', { type: 'submit' }, options.submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = normalizeCode(input.value);
    if (!isWellFormedCode(code)) {
      options.onMalformed(input.value, MALFORMED_CODE_MESSAGE);
      return;
    }
    history.replaceState(null, '', `#${code}`);
    options.onCode(code);
  });
  return { form, input };
}
