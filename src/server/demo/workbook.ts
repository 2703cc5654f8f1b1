import { eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { ORGANIZATION_KIND_LABELS } from '../../contract/organizations.js';
import type { Db } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { writeXlsx } from '../../documents/xlsx-cells.js';
import {
  EMPLOYMENT_TYPE_LABELS,
  type EmploymentType,
  GENDER_LABELS,
  type Gender,
} from '../../domain/employment.js';
import { Actor } from '../auth/actor.js';
import { createRootOrganization, insertAccount, isEmptyDatabase } from '../bootstrap.js';
import { loadExcelJS } from '../lazy-libraries.js';
import { formatDate } from '../people/roster-cells.js';
import { applyWorkbook } from '../province/apply.js';
import { checkWorkbook } from '../province/check.js';
import { COLUMNS, SHEET_NAMES } from '../province/columns.js';
import { readProvinceWorkbook } from '../province/read.js';
import { DEMO_ACCOUNT_SPECS, DEMO_PASSWORD } from './accounts.js';
import { SEED } from './load.js';
import { seededRandom } from './names.js';
import { buildStaff } from './staff.js';
import { DEMO_TREE, type OrganizationSpec } from './tree.js';

type Row = Record<string, ExcelJS.CellValue>;

/**
 * Issue 16, "Done means" 5: the demo organization as a province workbook — the tree under the
 * province (each organization coded DEMO-n in the demo's order), its workplaces (coded by their
 * staff-code prefix) and every person the demo seed makes, drawn by the same seeded generator.
 */
export function demoWorkbookRows(): Record<'organizations' | 'workplaces' | 'people', Row[]> {
  const random = seededRandom(SEED);
  const takenNames = new Set<string>();
  const rows = { organizations: [] as Row[], workplaces: [] as Row[], people: [] as Row[] };
  const visit = (spec: OrganizationSpec, parentCode: string | null) => {
    const code = `DEMO-${rows.organizations.length + 1}`;
    rows.organizations.push({
      code,
      name: spec.name,
      kind: ORGANIZATION_KIND_LABELS[spec.kind] ?? spec.kind,
      parentCode,
    });
    for (const workplace of spec.workplaces ?? []) {
      const workplaceCode = `CQ-${workplace.codePrefix}`;
      rows.workplaces.push({
        code: workplaceCode,
        name: workplace.name,
        organizationCode: code,
        address: workplace.address || null,
      });
      const staff = buildStaff(workplace, { random, takenNames, workplaceId: workplaceCode, cellId: code });
      for (const person of staff.rows) {
        rows.people.push({
          staffCode: person.code,
          fullName: person.fullName,
          birthDate: person.birthDate ? formatDate(person.birthDate) : null,
          gender: person.gender ? GENDER_LABELS[person.gender as Gender] : null,
          workplaceCode,
          jobTitle: person.jobTitle || null,
          employmentType: EMPLOYMENT_TYPE_LABELS[person.employmentType as EmploymentType],
          isPartyMember: person.isPartyMember ? 'Có' : 'Không',
          cellCode: person.isPartyMember ? code : null,
          partyOffice: person.partyOffice || null,
          governmentOffice: person.governmentOffice || null,
          isCommitteeMember: person.isCommitteeMember ? 'Có' : null,
          assignedDuty: person.assignedDuty || null,
          distinctConfirmed: person.distinctConfirmed ? 'Có' : null,
        });
      }
    }
    for (const child of spec.children ?? []) visit(child, code);
  };
  for (const child of DEMO_TREE.children ?? []) visit(child, null);
  return rows;
}

/** The demo workbook as an .xlsx file (the template's sheets and columns). */
export async function demoWorkbook(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const rows = demoWorkbookRows();
  for (const sheet of ['organizations', 'workplaces', 'people'] as const) {
    const added = workbook.addWorksheet(SHEET_NAMES[sheet]);
    added.addRow(COLUMNS[sheet].map((column) => column.header));
    for (const row of rows[sheet]) added.addRow(COLUMNS[sheet].map((column) => row[column.key] ?? null));
  }
  return writeXlsx(workbook);
}

/**
 * Loads an empty database the way a province starts: the root organization and its first
 * administrator (the demo's `admin`), then the tree, workplaces and people through the import
 * (read, check, apply) of `file` — the demo workbook unless another is given.
 */
export async function loadDemoFromWorkbook(db: Db, file?: Buffer) {
  if (!(await isEmptyDatabase(db))) {
    throw new Error('Cơ sở dữ liệu đã có dữ liệu: chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.');
  }
  const { kind, name, shortName } = DEMO_TREE;
  const rootId = await createRootOrganization(db, {
    kind,
    name,
    shortName,
    headerSuperior: '',
    headerIssuer: '',
  });
  const adminSpec = DEMO_ACCOUNT_SPECS.find((spec) => spec.role === 'administrator')!;
  const accountId = await insertAccount(db, {
    username: adminSpec.username,
    displayName: adminSpec.displayName ?? adminSpec.username,
    password: DEMO_PASSWORD,
    homeOrganizationId: rootId,
    roles: [{ role: 'administrator', organizationId: rootId }],
  });
  const [root] = await db.select().from(organizations).where(eq(organizations.id, rootId));
  const actor = new Actor(
    accountId,
    adminSpec.username,
    adminSpec.displayName ?? adminSpec.username,
    root!.path,
    [{ role: 'administrator', organizationId: rootId, organizationPath: root!.path }],
    false,
  );
  const read = await readProvinceWorkbook(file ?? (await demoWorkbook()));
  const { preview } = await checkWorkbook(db, actor, root!, read);
  if (preview.errorCount) {
    throw new Error(
      `Sổ có ${preview.errorCount} lỗi:\n${preview.errors
        .slice(0, 20)
        .map((error) => `${error.sheet} dòng ${error.row}, cột ${error.column}: ${error.message}`)
        .join('\n')}`,
    );
  }
  return applyWorkbook(db, actor, rootId, read);
}
