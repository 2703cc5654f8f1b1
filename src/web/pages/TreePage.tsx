import { Paper, Stack, Switch, Title } from '@mantine/core';
import { useState } from 'react';
import { OrganizationTreeLevel, useOrganizationsQuery } from '../components/organization-tree.js';
import { EmptyState } from '../components/states.js';

export default function TreePage() {
  const [includeClosed, setIncludeClosed] = useState(false);
  const roots = useOrganizationsQuery(null, includeClosed);
  return (
    <Stack>
      <Title order={2}>Cây tổ chức</Title>
      <Switch
        label="Hiện cả tổ chức đã giải thể"
        checked={includeClosed}
        onChange={(event) => setIncludeClosed(event.currentTarget.checked)}
      />
      <Paper withBorder p="sm" aria-label="Cây tổ chức đảng">
        {roots.isSuccess && roots.data.length === 0 ? (
          <EmptyState>Tài khoản của bạn chưa được giao tổ chức nào. Liên hệ quản trị hệ thống.</EmptyState>
        ) : (
          <OrganizationTreeLevel parentId={null} includeClosed={includeClosed} />
        )}
      </Paper>
    </Stack>
  );
}
