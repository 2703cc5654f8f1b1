import { ActionIcon, Indicator } from '@mantine/core';
import { Link } from 'react-router';
import { PATHS } from '../paths.js';
import { useTasksQuery } from './task-queries.js';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Z"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <path d="M9.5 19.5a2.5 2.5 0 0 0 5 0" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** The bell in the header: how many tasks are not done, late ones in red; opens "Việc cần làm". */
export function TaskBell() {
  const query = useTasksQuery();
  const open = query.data?.openCount ?? 0;
  const late = query.data?.lateCount ?? 0;
  const label =
    open === 0
      ? 'Việc cần làm: không có việc nào đến hạn'
      : `Việc cần làm: ${open} việc chưa xong${late > 0 ? `, ${late} việc quá hạn` : ''}`;
  return (
    <Indicator
      label={open > 99 ? '99+' : String(open)}
      size={18}
      color={late > 0 ? 'red' : 'blue'}
      disabled={open === 0}
      offset={4}
    >
      <ActionIcon
        component={Link}
        to={PATHS.tasks}
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="task-bell"
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
