import { foldVietnamese } from '../domain/text.js';

/**
 * `attachment` with an ASCII `filename` for old clients and the Vietnamese name in RFC 5987
 * `filename*` form, which browsers prefer: `Kế hoạch 03-KH/ĐUK.docx` downloads under its own name.
 */
export function attachmentDisposition(fileName: string, fallbackStem = 'tai-lieu'): string {
  const extension = /\.[a-z0-9]+$/i.exec(fileName)?.[0] ?? '';
  const stem = fileName.slice(0, fileName.length - extension.length);
  const ascii = foldVietnamese(stem)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `attachment; filename="${ascii || fallbackStem}${extension.toLowerCase()}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
