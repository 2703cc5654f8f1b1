import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CONTROL_CHARACTER_MESSAGE,
  hasControlCharacters,
  type TextShape,
} from '../../domain/control-characters.js';
import { AppError, type FieldIssue } from '../errors.js';

/** Headers the app reads (sessions, same-origin check, the proxy's forwarded address and scheme). */
const READ_HEADERS = [
  'cookie',
  'origin',
  'host',
  'sec-fetch-site',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
];

/** Enough issues to fix a form; a body made of nothing but NULs needs no longer list. */
const MAX_ISSUES = 20;

/**
 * Issue 13: one gate for every string the API accepts. Path, query and the headers it reads are
 * checked before the session is looked up; a JSON body before its schema runs. Tab and line
 * breaks pass in a body (report paragraphs), never in a path, a query or a header. Uploaded file
 * names and workbook cells go through `assertCleanText` and `src/documents/xlsx-cells.ts`.
 */
export function installControlCharacterGate(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const issues = [
      ...textIssues(request.params, 'params', 'single-line'),
      ...textIssues(request.query, 'querystring', 'single-line'),
      ...textIssues(readHeaders(request), 'headers', 'single-line'),
    ];
    if (issues.length) throw refusal(issues);
  });
  app.addHook('preValidation', async (request) => {
    const issues = textIssues(request.body, 'body', 'multiline');
    if (issues.length) throw refusal(issues);
  });
}

/** For strings that arrive outside JSON (an uploaded file's name): refused like a JSON field. */
export function assertCleanText(value: string, path: string, shape: TextShape = 'single-line'): void {
  const issues = textIssues(value, path, shape);
  if (issues.length) throw refusal(issues);
}

function readHeaders(request: FastifyRequest): Record<string, unknown> {
  return Object.fromEntries(READ_HEADERS.map((name) => [name, request.headers[name]]));
}

/** Every string (and object key) under `root`, walked breadth first without recursion (a 10 000-deep body cannot overflow the stack). */
export function textIssues(root: unknown, rootPath: string, shape: TextShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: [unknown, string][] = [[root, rootPath]];
  for (let next = 0; next < pending.length && issues.length < MAX_ISSUES; next++) {
    const [value, path] = pending[next]!;
    if (typeof value === 'string') {
      if (hasControlCharacters(value, shape)) issues.push({ path, message: CONTROL_CHARACTER_MESSAGE });
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}.${printable(key)}`;
        if (hasControlCharacters(key, 'single-line')) {
          issues.push({ path: childPath, message: CONTROL_CHARACTER_MESSAGE });
        }
        pending.push([child, childPath]);
      }
    }
  }
  return issues;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: showing control characters is the point.
const printable = (key: string) => key.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');

function refusal(issues: FieldIssue[]): AppError {
  return new AppError(
    'bad_request',
    `Dữ liệu không hợp lệ ở "${issues[0]!.path}": ${CONTROL_CHARACTER_MESSAGE}`,
    issues,
  );
}
