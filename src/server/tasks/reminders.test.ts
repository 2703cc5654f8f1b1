import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { createTestContext, type TestContext } from '../test-support.js';
import { type Mailer, sendDueDigests, smtpMailer } from './reminders.js';

const FULL_CONTENT = {
  politicalIdeology: 'Luôn chấp hành nghiêm đường lối, chủ trương của Đảng.',
  ethicsLifestyle: 'Giữ gìn phẩm chất đạo đức, lối sống giản dị.',
  duties: 'Hoàn thành tốt nhiệm vụ được giao.',
  discipline: 'Chấp hành nội quy cơ quan.',
  remedying: '',
  shortcomings: 'Có lúc giải quyết hồ sơ còn chậm.',
  remedies: 'Sắp xếp thời gian hợp lý hơn.',
};

/** 08:00 in Vietnam on a day of November 2026. */
const morningOf = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T01:00:00Z`);

describe('reminder digests by e-mail through a real SMTP server', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let server: SMTPServer;
  let mailer: Mailer;
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];

  const send = (day: number, through: Mailer = mailer) =>
    sendDueDigests(context.database.db, through, { now: morningOf(day), baseUrl: 'https://tpb.example.vn' });

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        envelopes.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'Tự phê bình <khong-tra-loi@localhost>');
  });
  afterAll(async () => {
    mailer?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await context.close();
  });

  it('a person sets their own address; a malformed one is refused in Vietnamese', async () => {
    const member = prepared.members.a.client;
    const bad = await member.put('/api/v1/me/email', { email: 'khong-phai-dia-chi' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: 'body.email' });
    expect(bad.json().error.issues[0].message).toContain('Địa chỉ thư điện tử không hợp lệ');
    const set = await member.put('/api/v1/me/email', { email: ' dangvien.a@sothu.gov.vn ' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().email).toBe('dangvien.a@sothu.gov.vn');
    expect((await member.get('/api/v1/me')).json().email).toBe('dangvien.a@sothu.gov.vn');
  });

  it('7 days ahead: one digest, read back from the SMTP server, in Vietnamese with dd/mm/yyyy and links', async () => {
    expect(await send(3)).toEqual({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(envelopes[0]).toEqual(['dangvien.a@sothu.gov.vn']);
    const mail = received[0]!;
    expect(mail.subject).toBe('Nhắc việc tự phê bình: 2 việc sắp đến hạn (03/11/2026)');
    expect(mail.from?.text).toContain('khong-tra-loi@localhost');
    expect(mail.text).toContain('Kính gửi dangvien.a,');
    expect(mail.text).toContain('Viết và gửi bản tự phê bình');
    expect(mail.text).toContain('Hạn 10/11/2026, còn 7 ngày.');
    expect(mail.text).toContain(`https://tpb.example.vn/tu-phe-binh/${prepared.members.a.selfCriticismId}`);
  });

  it('at most one a day, and none on a day that is not 7, 3 or 1 days ahead', async () => {
    expect(await send(3)).toEqual({ sent: 0 });
    expect(await send(4)).toEqual({ sent: 0 });
    expect(received).toHaveLength(1);
    const rows = await queryRows<{ sentOn: string }>(
      context.database.db,
      sql`select sent_on::text as "sentOn" from reminder_digests`,
    );
    expect(rows).toEqual([{ sentOn: '2026-11-03' }]);
  });

  it('nothing is sent for what is done: after sending the report, 3 days ahead tells of the meeting only', async () => {
    const member = prepared.members.a.client;
    const id = prepared.members.a.selfCriticismId;
    const current = (await member.get(`/api/v1/self-criticisms/${id}`)).json();
    const saved = await member.patch(`/api/v1/self-criticisms/${id}`, {
      version: current.version,
      content: FULL_CONTENT,
      manifestationAnswer: { none: true, items: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await member.post(`/api/v1/self-criticisms/${id}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    expect(await send(7)).toEqual({ sent: 1 });
    const mail = received[1]!;
    expect(mail.subject).toBe('Nhắc việc tự phê bình: 1 việc sắp đến hạn (07/11/2026)');
    expect(mail.text).toContain('Dự buổi tự phê bình và phê bình trước quần chúng');
    expect(mail.text).toContain('còn 3 ngày');
    expect(mail.text).not.toContain('Viết và gửi bản tự phê bình');
  });

  it('a mail that could not go out is tried again on the next run of the day', async () => {
    const failing: Mailer = {
      send: () => Promise.reject(new Error('máy chủ thư không trả lời')),
      close: () => undefined,
    };
    expect(await send(9, failing)).toEqual({ sent: 0 });
    expect(received).toHaveLength(2);
    expect(await send(9)).toEqual({ sent: 1 });
    expect(received).toHaveLength(3);
    expect(received[2]?.text).toContain('còn 1 ngày');
  });
});
