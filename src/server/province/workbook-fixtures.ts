import ExcelJS from 'exceljs';
import type { ImportJob } from '../../contract/province.js';
import type { TestClient } from '../test-support.js';
import { COLUMNS, SHEET_NAMES } from './columns.js';

type Rows = Partial<Record<'organizations' | 'workplaces' | 'people', Record<string, ExcelJS.CellValue>[]>>;

/** A workbook as a person fills the template: headers of each sheet, then rows by column key. */
export async function provinceFile(rows: Rows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of ['organizations', 'workplaces', 'people'] as const) {
    const added = workbook.addWorksheet(SHEET_NAMES[sheet]);
    added.addRow(COLUMNS[sheet].map((column) => column.header));
    for (const row of rows[sheet] ?? [])
      added.addRow(COLUMNS[sheet].map((column) => row[column.key] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function uploadWorkbook(client: TestClient, organizationId: string, content: Buffer) {
  const boundary = `----tpb${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so-nhap.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/v1/organizations/${organizationId}/province-imports`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/** Polls the job until it leaves checking/applying, as the page does. */
export async function settled(client: TestClient, id: string): Promise<ImportJob> {
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const response = await client.get(`/api/v1/province-imports/${id}`);
    if (response.statusCode !== 200) throw new Error(response.body);
    const job = response.json() as ImportJob;
    if (job.state !== 'checking' && job.state !== 'applying') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('import did not settle');
}

/** Upload, wait for the preview. */
export async function previewWorkbook(client: TestClient, organizationId: string, content: Buffer) {
  const response = await uploadWorkbook(client, organizationId, content);
  if (response.statusCode !== 202) throw new Error(`${response.statusCode} ${response.body}`);
  return settled(client, response.json().id);
}

export async function applyWorkbookJob(client: TestClient, id: string) {
  const response = await client.post(`/api/v1/province-imports/${id}/apply`);
  if (response.statusCode !== 202) throw new Error(`${response.statusCode} ${response.body}`);
  return settled(client, id);
}
