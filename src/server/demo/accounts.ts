import { ROLE_LABELS, type Role } from '../../domain/roles.js';

/** One password for every demo account, printed at start: the demo is for trying the system out. */
export const DEMO_PASSWORD = 'demo12345';

export interface DemoAccountSpec {
  username: string;
  role: Role;
  /** Name of the organization in the demo tree where the role is held. */
  organization: string;
  /** Tag of the person in the demo tree the account belongs to; its display name is theirs. */
  person?: string;
  displayName?: string;
}

export const DEMO_ACCOUNT_SPECS: readonly DemoAccountSpec[] = [
  {
    username: 'admin',
    role: 'administrator',
    organization: 'Đảng bộ tỉnh Trà Vinh',
    displayName: 'Quản trị hệ thống',
  },
  {
    username: 'bantochuc',
    role: 'organization-board',
    organization: 'Đảng ủy Khối các cơ quan và doanh nghiệp',
    displayName: 'Ban Tổ chức Đảng ủy Khối',
  },
  { username: 'capuy.syt', role: 'committee', organization: 'Đảng bộ Sở Y tế', person: 'capuy.syt' },
  { username: 'chiuy.vp', role: 'committee', organization: 'Chi bộ Văn phòng Sở Y tế', person: 'chiuy.vp' },
  { username: 'dangvien', role: 'member', organization: 'Chi bộ Văn phòng Sở Y tế', person: 'dangvien' },
  { username: 'quanchung', role: 'masses', organization: 'Chi bộ Văn phòng Sở Y tế', person: 'quanchung' },
  // A non-member of Văn phòng Sở Y tế who records that workplace's meeting as its secretary.
  { username: 'thuky', role: 'masses', organization: 'Chi bộ Văn phòng Sở Y tế', person: 'thuky' },
];

export const DEMO_USERNAMES = DEMO_ACCOUNT_SPECS.map((spec) => spec.username);

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  organizationName: string;
}

/** The demo accounts as a Vietnamese table for the console. */
export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const header = ['Tên đăng nhập', 'Mật khẩu', 'Vai trò', 'Tổ chức', 'Người dùng'];
  const rows = accounts.map((account) => [
    account.username,
    account.password,
    ROLE_LABELS[account.role],
    account.organizationName,
    account.displayName,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd();
  return [
    'Tài khoản dùng thử (dữ liệu mẫu):',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}
