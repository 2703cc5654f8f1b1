import { Badge, Group } from '@mantine/core';
import type { RoleAssignment } from '../../contract/accounts.js';
import { ROLE_LABELS } from '../../domain/roles.js';

export function roleAssignmentLabel(assignment: RoleAssignment): string {
  return `${ROLE_LABELS[assignment.role]} – ${assignment.organizationName}`;
}

export function AccountRoleBadges({ roles }: { roles: RoleAssignment[] }) {
  return (
    <Group gap={4}>
      {roles.map((assignment) => (
        <Badge
          key={assignment.id}
          variant="light"
          tt="none"
          radius="sm"
          h="auto"
          py={2}
          styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
        >
          {roleAssignmentLabel(assignment)}
        </Badge>
      ))}
    </Group>
  );
}
