import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import { accounts, organizations, reminderDigests } from '../../db/schema/index.js';
import { vietnamToday } from '../../domain/dates.js';
import { digestTasks, digestText } from '../../domain/task-digest.js';
import { taskHref } from '../../domain/tasks.js';
import { Actor } from '../auth/actor.js';
import { accountGrants } from '../auth/sessions.js';
import type { App } from '../http/types.js';
import { tasksOf } from './facts.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer over SMTP (nodemailer), from `smtp://user:pass@host:port` or `smtps://…`. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}

/** The account as an actor with its grants, as a session would load it (for work done without a request). */
async function actorOfAccount(db: Db, account: typeof accounts.$inferSelect): Promise<Actor> {
  const [home] = await db
    .select({ path: organizations.path })
    .from(organizations)
    .where(eq(organizations.id, account.homeOrganizationId));
  return new Actor(
    account.id,
    account.username,
    account.displayName,
    home?.path ?? '',
    await accountGrants(db, account.id),
    account.mustChangePassword,
    '',
    false,
    account.personId,
  );
}

/**
 * Sends today's digest to every active account with an e-mail address that has tasks falling due
 * in 7, 3 or 1 days (domain/tasks.ts), at most one a day: the day's row is taken first (the
 * primary key refuses a second), and given back when the mail could not be sent.
 */
export async function sendDueDigests(
  db: Db,
  mailer: Mailer,
  options: { now: Date; baseUrl: string; log?: (error: unknown, accountId: string) => void },
): Promise<{ sent: number }> {
  const today = vietnamToday(options.now);
  const recipients = await db
    .select()
    .from(accounts)
    .where(and(isNotNull(accounts.email), isNull(accounts.disabledAt)));
  let sent = 0;
  for (const account of recipients) {
    const actor = await actorOfAccount(db, account);
    const due = digestTasks(await tasksOf(db, actor, options.now), today);
    if (due.length === 0) continue;
    const taken = await db
      .insert(reminderDigests)
      .values({ accountId: account.id, sentOn: today, taskKeys: due.map((task) => task.key) })
      .onConflictDoNothing()
      .returning({ accountId: reminderDigests.accountId });
    if (taken.length === 0) continue;
    const { subject, text } = digestText(account.displayName, due, today, options.baseUrl, taskHref);
    try {
      await mailer.send({ to: account.email!, subject, text });
      sent++;
    } catch (error) {
      await db
        .delete(reminderDigests)
        .where(and(eq(reminderDigests.accountId, account.id), eq(reminderDigests.sentOn, today)));
      options.log?.(error, account.id);
    }
  }
  return { sent };
}

const REMINDER_INTERVAL_MS = 15 * 60_000;

/**
 * In the serving process, when SMTP_URL is set: every quarter of an hour, from REMINDER_HOUR in
 * Vietnam, sends the day's digests not sent yet. Stops with the app.
 */
export function scheduleReminders(app: App): void {
  const { SMTP_URL, MAIL_FROM, REMINDER_HOUR, PUBLIC_URL, HOST, PORT } = app.config;
  if (!SMTP_URL) return;
  const mailer = smtpMailer(SMTP_URL, MAIL_FROM);
  const baseUrl = (PUBLIC_URL ?? `http://${HOST === '0.0.0.0' ? 'localhost' : HOST}:${PORT}`).replace(
    /\/$/,
    '',
  );
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    const now = new Date();
    const vietnamHour = (now.getUTCHours() + 7) % 24;
    if (busy || vietnamHour < REMINDER_HOUR) return;
    busy = true;
    running = sendDueDigests(app.db, mailer, {
      now,
      baseUrl,
      log: (error, accountId) => app.log.warn({ err: error, accountId }, 'reminder digest not sent'),
    })
      .catch((error: unknown) =>
        app.log.warn({ err: error }, 'reminder digests failed; they run again later'),
      )
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, REMINDER_INTERVAL_MS);
  timer.unref();
  tick();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
    mailer.close();
  });
}
