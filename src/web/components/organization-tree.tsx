import { ActionIcon, Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ORGANIZATION_KIND_LABELS, type Organization } from '../../contract/organizations.js';
import { api, queryString } from '../api.js';
import { PATHS } from '../paths.js';
import { ErrorNotice, Loading } from './states.js';

export const organizationsKey = (parentId: string | null, includeClosed: boolean) =>
  ['organizations', parentId, includeClosed] as const;

/** Children of an organization, or the tops of the reader's scope when `parentId` is null. */
export function useOrganizationsQuery(parentId: string | null, includeClosed: boolean, enabled = true) {
  return useQuery({
    queryKey: organizationsKey(parentId, includeClosed),
    queryFn: () =>
      api.get<{ items: Organization[] }>(
        `/organizations${queryString({ parentId, includeClosed: includeClosed ? 'true' : undefined })}`,
      ),
    select: (data) => data.items,
    enabled,
  });
}

export function organizationKindLabel(kind: string): string {
  return ORGANIZATION_KIND_LABELS[kind] ?? kind;
}

function OrganizationTreeNode({
  organization,
  includeClosed,
  initiallyOpen,
}: {
  organization: Organization;
  includeClosed: boolean;
  initiallyOpen: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen && organization.childCount > 0);
  const hasChildren = organization.childCount > 0;
  const toggleLabel = `${open ? 'Thu gọn' : 'Mở rộng'} ${organization.name}`;
  return (
    <Box component="li" style={{ listStyle: 'none' }}>
      <Group
        gap={6}
        wrap="nowrap"
        align="flex-start"
        py={4}
        style={{ opacity: organization.closed ? 0.55 : 1 }}
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={toggleLabel}
            aria-expanded={open}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? '▾' : '▸'}
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} />
        )}
        <Box style={{ minWidth: 0 }}>
          <Anchor component={Link} to={PATHS.organization(organization.id)} fw={500}>
            {organization.name}
          </Anchor>
          {organization.closed && (
            <Text span c="dimmed" size="sm">
              {' '}
              (đã giải thể)
            </Text>
          )}
          <Group gap={6} mt={2}>
            <Badge variant="light" color="gray" size="sm">
              {organizationKindLabel(organization.kind)}
            </Badge>
            <Text size="xs" c="dimmed">
              {organization.childCount} tổ chức trực thuộc · {organization.workplaceCount} cơ quan, đơn vị
            </Text>
          </Group>
        </Box>
      </Group>
      {open && <OrganizationTreeLevel parentId={organization.id} includeClosed={includeClosed} />}
    </Box>
  );
}

/** One level of the tree, loaded when its parent is opened. */
export function OrganizationTreeLevel({
  parentId,
  includeClosed,
}: {
  parentId: string | null;
  includeClosed: boolean;
}) {
  const query = useOrganizationsQuery(parentId, includeClosed);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const isRoot = parentId === null;
  if (isRoot && query.data.length === 0) return null;
  return (
    <Stack component="ul" gap={0} m={0} pl={isRoot ? 0 : 'md'}>
      {query.data.map((organization) => (
        <OrganizationTreeNode
          key={organization.id}
          organization={organization}
          includeClosed={includeClosed}
          initiallyOpen={isRoot && query.data.length === 1}
        />
      ))}
    </Stack>
  );
}
