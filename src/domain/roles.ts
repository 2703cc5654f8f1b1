/** Roles of DESIGN.md: each is held at one organization and reaches its whole subtree. */
export const ROLES = ['administrator', 'organization-board', 'committee', 'member', 'masses'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Quản trị hệ thống',
  'organization-board': 'Ban Tổ chức',
  committee: 'Cấp ủy',
  member: 'Đảng viên',
  masses: 'Quần chúng',
};

export interface RoleGrant {
  role: Role;
  organizationPath: string;
}

/** True when one of the grants with an allowed role reaches the organization at `targetPath`. */
export function grantsReach(
  grants: readonly RoleGrant[],
  allowed: readonly Role[],
  targetPath: string,
): boolean {
  return grants.some(
    (grant) => allowed.includes(grant.role) && targetPath.startsWith(grant.organizationPath),
  );
}

/** The topmost organizations a set of grants reaches: no grant path is inside another one. */
export function scopeRoots(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const path of sorted) {
    if (!roots.some((root) => path.startsWith(root))) roots.push(path);
  }
  return roots;
}
