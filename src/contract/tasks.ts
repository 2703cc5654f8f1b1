import { z } from 'zod';

const taskLink = z.discriminatedUnion('page', [
  z.object({ page: z.literal('self-criticism'), id: z.string() }),
  z.object({ page: z.literal('workplace-self-criticisms'), planId: z.string(), workplaceId: z.string() }),
  z.object({ page: z.literal('meeting'), planId: z.string(), workplaceId: z.string() }),
  z.object({ page: z.literal('meeting-live'), meetingId: z.string() }),
  z.object({ page: z.literal('my-meetings') }),
  z.object({ page: z.literal('report'), planId: z.string(), organizationId: z.string() }),
  z.object({ page: z.literal('reports') }),
  z.object({ page: z.literal('concern'), id: z.string() }),
  z.object({ page: z.literal('online-feedback') }),
  z.object({ page: z.literal('phone-form') }),
  z.object({ page: z.literal('remediation') }),
]);

export const taskView = z.object({
  key: z.string(),
  kind: z.string(),
  audience: z.enum(['member', 'committee', 'board', 'masses']),
  title: z.string(),
  detail: z.string(),
  link: taskLink,
  /** The page where the task is done. */
  href: z.string(),
  /** ISO day (yyyy-mm-dd, Vietnam), or null when nothing binds it. */
  dueOn: z.string().nullable(),
  late: z.boolean(),
  done: z.boolean(),
});
export type TaskView = z.infer<typeof taskView>;

export const myTasks = z.object({
  /** Today in Vietnam (ISO day). */
  today: z.string(),
  /** Tasks not done: what the bell counts. */
  openCount: z.number().int(),
  lateCount: z.number().int(),
  items: z.array(taskView),
});
export type MyTasks = z.infer<typeof myTasks>;
