import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { TestClient } from '../test-support.js';
import { ROSTER_COLUMNS } from './roster-columns.js';

export const TEMPLATE_HEADERS = ROSTER_COLUMNS.map((column) => column.header);

/** An .xlsx made the way a person would: the template's header row, then the given rows. */
export async function rosterFile(
  rows: ExcelJS.CellValue[][],
  headers: readonly string[] = TEMPLATE_HEADERS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  return workbook;
}

export function uploadRoster(
  client: TestClient,
  workplaceId: string,
  content: Buffer,
  options: { field?: string; fileName?: string } = {},
) {
  const boundary = `----tpb${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.fileName ?? 'danh-sach.xlsx'}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/v1/workplaces/${workplaceId}/roster-imports`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** What the headers claim the entry inflates to; a lying zip bomb claims little. */
  declaredSize?: number;
}

/** A zip written byte by byte (deflate, no data descriptors), so tests can build hostile archives. */
export function handMadeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(8, at);
      header.writeUInt16LE(0, at + 2);
      header.writeUInt16LE(0x21, at + 4);
      header.writeUInt32LE(crc32(entry.data), at + 6);
      header.writeUInt32LE(compressed.length, at + 10);
      header.writeUInt32LE(entry.declaredSize ?? entry.data.length, at + 14);
      header.writeUInt16LE(name.length, at + 18);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 8);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 10);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
