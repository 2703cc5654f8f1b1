import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS, type Role } from '../domain/roles.js';
import { api } from './api.js';
import { PATHS } from './paths.js';
import { ME_KEY, useMe } from './session.js';

interface NavItem {
  label: string;
  to: string;
  roles?: Role[];
}

const NAV: NavItem[] = [
  { label: 'Cây tổ chức', to: PATHS.tree },
  { label: 'Bản tự phê bình của tôi', to: PATHS.mySelfCriticisms, roles: ['member'] },
  { label: 'Ý kiến góp ý về tôi', to: PATHS.myCompiledPoints, roles: ['member'] },
  { label: 'Cuộc họp của tôi', to: PATHS.myMeetings },
  { label: 'Góp ý bằng văn bản', to: PATHS.onlineFeedback },
  { label: 'Kế hoạch khắc phục', to: PATHS.myRemediation, roles: ['member', 'masses'] },
  { label: 'Kế hoạch', to: PATHS.plans, roles: ['administrator', 'organization-board', 'committee'] },
  {
    label: 'Khó khăn, vướng mắc',
    to: PATHS.concerns,
    roles: ['administrator', 'organization-board', 'committee'],
  },
  { label: 'Báo cáo', to: PATHS.reports, roles: ['administrator', 'organization-board', 'committee'] },
  { label: 'Tổng kết năm', to: PATHS.yearEnd, roles: ['administrator', 'organization-board', 'committee'] },
  { label: 'Tìm nhân sự', to: PATHS.people, roles: ['administrator', 'organization-board', 'committee'] },
  { label: 'Tài khoản và vai trò', to: PATHS.accounts, roles: ['administrator'] },
  { label: 'Nhập sổ Excel', to: PATHS.provinceImport, roles: ['administrator'] },
  { label: 'Nhật ký thay đổi', to: PATHS.audit, roles: ['administrator'] },
  { label: 'Cài đặt', to: PATHS.settings, roles: ['administrator'] },
  { label: 'Đổi mật khẩu', to: PATHS.changePassword },
  { label: 'Bảo mật tài khoản', to: PATHS.accountSecurity },
];

export function Shell({ children, minimal = false }: { children: ReactNode; minimal?: boolean }) {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const held = new Set(me.roles.map((grant) => grant.role));
  const items = NAV.filter((item) => !item.roles || item.roles.some((role) => held.has(role)));

  const signOut = async () => {
    try {
      await api.delete('/sessions/current');
    } finally {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate(PATHS.login);
    }
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={minimal ? undefined : { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {!minimal && (
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Mở trình đơn" />
            )}
            <Title order={4} c="red.8" style={{ whiteSpace: 'nowrap' }}>
              Tự phê bình
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text
              size="sm"
              visibleFrom="sm"
              title={me.roles.map((r) => `${ROLE_LABELS[r.role]} – ${r.organizationName}`).join('\n')}
            >
              {me.displayName}
            </Text>
            <Button variant="light" size="xs" onClick={signOut}>
              Đăng xuất
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {!minimal && (
        <AppShell.Navbar p="xs" aria-label="Trình đơn chính">
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
              onClick={close}
            />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
