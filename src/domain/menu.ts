/**
 * The main menu, built from everything a person is: the roles they hold anywhere, and what they
 * are on a roster or in a meeting (a committee member who is also a party member writes their own
 * report; a non-member may keep a meeting as its secretary). Pure: the web app renders it.
 */
import type { Role } from './roles.js';

export interface Capacities {
  partyMember: boolean;
  nonMember: boolean;
  keepsMeetings: boolean;
}

export type MenuKey =
  | 'tasks'
  | 'tree'
  | 'my-self-criticisms'
  | 'my-compiled-points'
  | 'my-meetings'
  | 'online-feedback'
  | 'my-remediation'
  | 'plans'
  | 'concerns'
  | 'reports'
  | 'year-end'
  | 'people'
  | 'accounts'
  | 'province-import'
  | 'audit'
  | 'settings'
  | 'change-password'
  | 'account-security';

interface MenuRule {
  key: MenuKey;
  label: string;
  /** Shown to everyone when neither is given; otherwise to whoever holds one of the roles or capacities. */
  roles?: readonly Role[];
  capacities?: readonly (keyof Capacities)[];
}

const OFFICERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];

export const MENU: readonly MenuRule[] = [
  { key: 'tasks', label: 'Việc cần làm' },
  { key: 'tree', label: 'Cây tổ chức' },
  {
    key: 'my-self-criticisms',
    label: 'Bản tự phê bình của tôi',
    roles: ['member'],
    capacities: ['partyMember'],
  },
  {
    key: 'my-compiled-points',
    label: 'Ý kiến góp ý về tôi',
    roles: ['member'],
    capacities: ['partyMember'],
  },
  { key: 'my-meetings', label: 'Cuộc họp của tôi', roles: ['committee'], capacities: ['keepsMeetings'] },
  { key: 'online-feedback', label: 'Góp ý bằng văn bản', roles: ['masses'], capacities: ['nonMember'] },
  {
    key: 'my-remediation',
    label: 'Kế hoạch khắc phục',
    roles: ['member', 'masses'],
    capacities: ['partyMember', 'nonMember'],
  },
  { key: 'plans', label: 'Kế hoạch', roles: OFFICERS },
  { key: 'concerns', label: 'Khó khăn, vướng mắc', roles: OFFICERS },
  { key: 'reports', label: 'Báo cáo', roles: OFFICERS },
  { key: 'year-end', label: 'Tổng kết năm', roles: OFFICERS },
  { key: 'people', label: 'Tìm nhân sự', roles: OFFICERS },
  { key: 'accounts', label: 'Tài khoản và vai trò', roles: ['administrator'] },
  { key: 'province-import', label: 'Nhập sổ Excel', roles: ['administrator'] },
  { key: 'audit', label: 'Nhật ký thay đổi', roles: ['administrator'] },
  { key: 'settings', label: 'Cài đặt', roles: ['administrator'] },
  { key: 'change-password', label: 'Đổi mật khẩu' },
  { key: 'account-security', label: 'Bảo mật tài khoản' },
];

/** The menu entries of a person, in menu order. */
export function menuFor(roles: readonly Role[], capacities: Capacities): { key: MenuKey; label: string }[] {
  const held = new Set(roles);
  return MENU.filter(
    (rule) =>
      (!rule.roles && !rule.capacities) ||
      (rule.roles ?? []).some((role) => held.has(role)) ||
      (rule.capacities ?? []).some((capacity) => capacities[capacity]),
  ).map(({ key, label }) => ({ key, label }));
}
