import { ActionIcon, AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { type MenuKey, menuFor } from '../domain/menu.js';
import { ROLE_LABELS } from '../domain/roles.js';
import { api } from './api.js';
import { TaskBell } from './components/task-bell.js';
import { TASKS_KEY } from './components/task-queries.js';
import { chapterForPage } from './guide-content.js';
import { PATHS } from './paths.js';
import { ME_KEY, useMe } from './session.js';

/** Where each menu entry leads (the entries themselves, and who sees them, are in domain/menu.ts). */
const MENU_PATHS: Record<MenuKey, string> = {
  tasks: PATHS.tasks,
  tree: PATHS.tree,
  'my-self-criticisms': PATHS.mySelfCriticisms,
  'my-compiled-points': PATHS.myCompiledPoints,
  'my-meetings': PATHS.myMeetings,
  'online-feedback': PATHS.onlineFeedback,
  'my-remediation': PATHS.myRemediation,
  plans: PATHS.plans,
  concerns: PATHS.concerns,
  reports: PATHS.reports,
  'year-end': PATHS.yearEnd,
  people: PATHS.people,
  accounts: PATHS.accounts,
  'province-import': PATHS.provinceImport,
  audit: PATHS.audit,
  settings: PATHS.settings,
  'change-password': PATHS.changePassword,
  'account-security': PATHS.accountSecurity,
};

export function Shell({ children, minimal = false }: { children: ReactNode; minimal?: boolean }) {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const items = menuFor(
    me.roles.map((grant) => grant.role),
    me.capacities,
  ).map((entry) => ({ label: entry.label, to: MENU_PATHS[entry.key] }));
  // A page visited may have changed what is due: the bell asks again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => {
    if (!minimal) void queryClient.invalidateQueries({ queryKey: TASKS_KEY });
  }, [location.pathname, minimal, queryClient]);

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
            {!minimal && <TaskBell />}
            <Text
              size="sm"
              visibleFrom="sm"
              title={me.roles.map((r) => `${ROLE_LABELS[r.role]} – ${r.organizationName}`).join('\n')}
            >
              {me.displayName}
            </Text>
            <ActionIcon
              component={Link}
              to={`${PATHS.guide}#${chapterForPage(
                location.pathname,
                me.roles.map((grant) => grant.role),
              )}`}
              variant="default"
              radius="xl"
              aria-label="Hướng dẫn sử dụng"
              title="Hướng dẫn sử dụng"
            >
              ?
            </ActionIcon>
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
