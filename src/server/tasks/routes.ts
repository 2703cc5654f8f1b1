import { myTasks } from '../../contract/tasks.js';
import { vietnamToday } from '../../domain/dates.js';
import { openTaskCount, taskHref } from '../../domain/tasks.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { tasksOf } from './facts.js';

export async function taskRoutes(app: App): Promise<void> {
  app.get(
    '/me/tasks',
    {
      schema: {
        tags: ['Việc cần làm'],
        summary: 'Việc cần làm của người đang đăng nhập, theo mọi vai trò và phạm vi của họ',
        response: { 200: myTasks },
      },
    },
    async (request) => {
      const now = app.clock();
      const tasks = await tasksOf(app.db, requireActor(request.actor), now);
      return {
        today: vietnamToday(now),
        openCount: openTaskCount(tasks),
        lateCount: tasks.filter((item) => item.late).length,
        items: tasks.map((item) => ({ ...item, href: taskHref(item.link) })),
      };
    },
  );
}
