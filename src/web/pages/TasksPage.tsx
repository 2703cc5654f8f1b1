import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { TaskView } from '../../contract/tasks.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import { TASK_AUDIENCE_LABELS, type TaskAudience } from '../../domain/tasks.js';
import { ReminderEmailForm } from '../components/reminder-email-form.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { useTasksQuery } from '../components/task-queries.js';
import { useMe } from '../session.js';

const AUDIENCE_ORDER: TaskAudience[] = ['member', 'committee', 'board', 'masses'];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function DueBadge({ task, today }: { task: TaskView; today: string }) {
  if (task.done)
    return (
      <Badge color="green" variant="light">
        Đã xong
      </Badge>
    );
  if (task.late)
    return (
      <Badge color="red" variant="filled">
        Quá hạn
      </Badge>
    );
  if (!task.dueOn) return null;
  const days = daysBetween(today, task.dueOn);
  if (days === 0)
    return (
      <Badge color="orange" variant="light">
        Hạn hôm nay
      </Badge>
    );
  return (
    <Badge color={days <= 3 ? 'orange' : 'gray'} variant="light">
      Còn {days} ngày
    </Badge>
  );
}

function TaskCard({ task, today }: { task: TaskView; today: string }) {
  // The phone form is its own light page, outside this app.
  const external = task.href.startsWith('/phieu');
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }} data-task={task.kind}>
      <Stack gap={4}>
        {external ? (
          <Anchor href={task.href} fw={600}>
            {task.title}
          </Anchor>
        ) : (
          <Anchor component={Link} to={task.href} fw={600}>
            {task.title}
          </Anchor>
        )}
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {task.detail}
        </Text>
        <Group gap="xs">
          {task.dueOn && !task.done && <Text size="sm">Hạn: {formatVietnameseDate(task.dueOn)}</Text>}
          <DueBadge task={task} today={today} />
        </Group>
      </Stack>
    </Paper>
  );
}

/** The home page of every signed-in person: what they have to do, where, and by when. */
export default function TasksPage() {
  const me = useMe();
  const query = useTasksQuery();
  return (
    <Stack>
      <div>
        <Title order={2}>Việc cần làm</Title>
        <Text c="dimmed" size="sm">
          Xin chào {me.displayName}
          {query.data ? ` · hôm nay ${formatVietnameseDate(query.data.today)}` : ''}
        </Text>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.items.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyState>
            Không có việc nào đến hạn. Khi có việc mới (kế hoạch được ban hành, bản tự phê bình cần viết hoặc
            xem xét, cuộc họp được lên lịch, báo cáo đến hạn…), việc sẽ hiện ở đây.
          </EmptyState>
        </Paper>
      ) : (
        <>
          {query.data.openCount === 0 && (
            <Text role="status">Không có việc nào đến hạn: mọi việc của bạn đã xong.</Text>
          )}
          {AUDIENCE_ORDER.map((audience) => {
            const tasks = query.data.items.filter((task) => task.audience === audience);
            if (tasks.length === 0) return null;
            return (
              <section key={audience} aria-labelledby={`viec-${audience}`}>
                <Title order={3} size="h4" id={`viec-${audience}`} mb="xs">
                  {TASK_AUDIENCE_LABELS[audience]}
                </Title>
                <Stack component="ul" gap="xs" p={0} m={0}>
                  {tasks.map((task) => (
                    <TaskCard key={task.key} task={task} today={query.data.today} />
                  ))}
                </Stack>
              </section>
            );
          })}
        </>
      )}
      <ReminderEmailForm />
    </Stack>
  );
}
