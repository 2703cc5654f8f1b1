import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleasedPhoneForms } from '../../contract/phone-forms.js';
import { queryRows } from '../../db/client.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { documentXml, docxParagraphs } from '../../documents/read-exports.js';
import { EMPTY_FORM_MESSAGE } from '../../domain/feedback.js';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { accountName, createTestContext, TestClient, type TestContext } from '../test-support.js';
import { form, inOneHour, issueCodes } from './test-helpers.js';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('anonymous phone forms', () => {
  let context: TestContext;
  let meeting: PreparedMeeting;
  let phone: TestClient;
  let codes: string[];
  const url = (path: string) => `/api/v1/meetings/${meeting.meetingId}${path}`;

  beforeAll(async () => {
    context = await createTestContext();
    meeting = await prepareMeeting(context);
    phone = new TestClient(context.app);
  });
  afterAll(() => context.close());

  const expectRefusal = (response: { statusCode: number; json(): unknown }, status: number, text: RegExp) => {
    expect(response.statusCode).toBe(status);
    const { message } = (response.json() as { error: { message: string } }).error;
    expect(message).toMatch(VIETNAMESE);
    expect(message).toMatch(text);
  };

  it('issues codes as a QR sheet whose codes can be read back, and counts them without listing them', async () => {
    codes = await issueCodes(meeting.committee, meeting.meetingId, 7);
    expect(codes).toHaveLength(7);
    expect(new Set(codes).size).toBe(7);
    const sheet = await meeting.committee.post(url('/phone-codes/sheet.pdf'), { count: 1 });
    expect(sheet.headers['content-type']).toBe('application/pdf');
    expect(sheet.headers['cache-control']).toBe('no-store');
    expect(String(sheet.headers['content-disposition'])).toContain('.pdf');
    codes.push(...(await issueCodes(meeting.committee, meeting.meetingId, 2)));
    // The same sheet as DOCX issues its own codes, which open the phone form like the PDF's.
    const docx = await meeting.committee.post(url('/phone-codes/sheet.docx'), { count: 2 });
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toBe(DOCUMENT_FORMATS.docx.type);
    expect(docx.headers['cache-control']).toBe('no-store');
    expect(String(docx.headers['content-disposition'])).toContain('.docx');
    const docxCodes = [
      ...docxParagraphs(await documentXml(docx.rawPayload))
        .join('\n')
        .matchAll(/\b[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}\b/g),
    ].map(([code]) => code);
    expect(docxCodes).toHaveLength(2);
    codes.push(...docxCodes);
    const count = await meeting.committee.get(url('/phone-codes'));
    expect(count.json()).toEqual({ issued: 12 });
  });

  it('refuses codes and the window to anyone but the meeting committee', async () => {
    const otherCommittee = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    for (const client of [meeting.members.a.client, meeting.secretary.client, otherCommittee]) {
      expectRefusal(await client.post(url('/phone-codes/sheet.pdf'), { count: 3 }), 403, /quyền/);
      expectRefusal(await client.post(url('/phone-codes/sheet.docx'), { count: 3 }), 403, /quyền/);
      expectRefusal(await client.post(url('/form-window/open'), { endsAt: inOneHour() }), 403, /quyền/);
      expectRefusal(await client.get(url('/phone-forms')), 403, /quyền/);
    }
    expectRefusal(
      await meeting.committee.post(url('/phone-codes/sheet.pdf'), { count: 501 }),
      400,
      /tối đa 500/,
    );
  });

  it('refuses a code before the window opens, and an unknown code', async () => {
    expectRefusal(await phone.post('/api/v1/phone-form/open', { code: codes[0] }), 409, /chưa mở/);
    expectRefusal(await phone.post('/api/v1/phone-form/open', { code: 'ABCDE-FGHJK' }), 404, /Mã không đúng/);
    expectRefusal(
      await phone.post('/api/v1/phone-form/open', { code: 'khong-phai-ma' }),
      404,
      /Mã không đúng/,
    );
  });

  it('opens the window with an end after now and within three days', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    expectRefusal(
      await meeting.committee.post(url('/form-window/open'), { endsAt: past }),
      400,
      /sau thời điểm/,
    );
    const far = new Date(Date.now() + 4 * 24 * 60 * 60_000).toISOString();
    expectRefusal(await meeting.committee.post(url('/form-window/open'), { endsAt: far }), 400, /3 ngày/);
    const before = (await meeting.committee.get(url(''))).json();
    const opened = await meeting.committee.post(url('/form-window/open'), { endsAt: inOneHour() });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().formWindow.state).toBe('open');
    expect(opened.json().version).toBe(before.version + 1);
  });

  it('shows the workplace, the day and the members with their summaries, to a typed code in any case', async () => {
    const typed = codes[0]!.toLowerCase().replace('-', ' ');
    const opened = await phone.post('/api/v1/phone-form/open', { code: typed });
    expect(opened.statusCode).toBe(200);
    const body = opened.json();
    expect(body.workplaceName).toBe('Sở Thử A1');
    expect(body.meetingDate).toBe('10/11/2026');
    expect(body.members.map((member: { fullName: string }) => member.fullName).sort()).toEqual([
      'Nguyễn Văn Tám',
      'Trần Thị Chín',
    ]);
    // S6: nothing tells whether this code was used, for whom.
    expect(JSON.stringify(body)).not.toMatch(/sent|used/i);
    // A code read off the DOCX sheet opens the same form.
    expect((await phone.post('/api/v1/phone-form/open', { code: codes.at(-1) })).statusCode).toBe(200);
  });

  it('takes one form per code per member: two members with one code, a second for the same member refused', async () => {
    const { a, b } = meeting.members;
    const send = (code: string, selfCriticismId: string, content: object) =>
      phone.post('/api/v1/phone-form/submit', { code, selfCriticismId, form: content });
    const first = await send(
      codes[0]!,
      a.selfCriticismId,
      form({ strength: 'Gương mẫu', proposals: 'Đề xuất một' }),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ ok: true, fullName: 'Nguyễn Văn Tám' });
    expect((await send(codes[0]!, b.selfCriticismId, form({ shortcoming: 'Hay đến muộn' }))).statusCode).toBe(
      200,
    );
    expectRefusal(
      await send(codes[0]!, a.selfCriticismId, form({ strength: 'Lần hai' })),
      409,
      /Nguyễn Văn Tám/,
    );
    // S6: a code that sent two forms opens exactly like one never used.
    const reopened = await phone.post('/api/v1/phone-form/open', { code: codes[0] });
    const unused = await phone.post('/api/v1/phone-form/open', { code: codes[6] });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.body).toBe(unused.body);
    expectRefusal(
      await send(codes[1]!, a.selfCriticismId, form({})),
      400,
      new RegExp(EMPTY_FORM_MESSAGE.slice(0, 20)),
    );
    expectRefusal(
      await send('ABCDE-FGHJK', a.selfCriticismId, form({ strength: 'x' })),
      404,
      /Mã không đúng/,
    );
    const otherMeetingMember = crypto.randomUUID();
    expectRefusal(await send(codes[1]!, otherMeetingMember, form({ strength: 'x' })), 404, /Không tìm thấy/);
    for (const code of codes.slice(1, 5)) {
      expect(
        (await send(code, b.selfCriticismId, form({ proposals: `Ý kiến của ${code}` }))).statusCode,
      ).toBe(200);
    }
  });

  it('holds the forms from the committee while the window is open, with no count either', async () => {
    expectRefusal(await meeting.committee.get(url('/phone-forms')), 409, /chỉ hiện sau khi đóng/);
  });

  it('releases every form at once after closing, in the order of their random ids, and never reopens', async () => {
    const closing = await meeting.committee.post(url('/form-window/close'));
    expect(closing.statusCode, closing.body).toBe(200);
    const closed = await meeting.committee.get(url(''));
    expect(closed.json().formWindow.state).toBe('closed');
    const released = await meeting.committee.get(url('/phone-forms'));
    expect(released.statusCode).toBe(200);
    const body = released.json() as ReleasedPhoneForms;
    expect(body.phoneForms).toBe(6);
    expect(body.smallGroupThreshold).toBe(3);
    const [tam, chin] = body.members;
    // One form about Nguyễn Văn Tám (under 3): one merged list, no form, channel or day.
    expect(tam).toMatchObject({ fullName: 'Nguyễn Văn Tám', merged: true });
    expect(tam?.merged && tam.opinions.map((opinion) => opinion.text)).toEqual(['Gương mẫu', 'Đề xuất một']);
    expect(JSON.stringify(tam)).not.toMatch(/phone|paper|submittedOn/);
    // Five about Trần Thị Chín: form by form, in the order of their random ids.
    expect(chin).toMatchObject({ fullName: 'Trần Thị Chín', merged: false });
    const forms = chin?.merged === false ? chin.forms : [];
    expect(forms).toHaveLength(5);
    expect(forms.map((item) => item.id)).toEqual(forms.map((item) => item.id).sort());
    expect(forms.every((item) => item.channel === 'phone')).toBe(true);
    expect(forms.flatMap((item) => item.opinions.map((opinion) => opinion.text))).toContain('Hay đến muộn');
    expectRefusal(
      await meeting.committee.post(url('/form-window/open'), { endsAt: inOneHour() }),
      409,
      /không mở lại/,
    );
    expectRefusal(await phone.post('/api/v1/phone-form/open', { code: codes[6] }), 409, /hết thời gian/);
    expectRefusal(
      await phone.post('/api/v1/phone-form/submit', {
        code: codes[6],
        selfCriticismId: meeting.members.a.selfCriticismId,
        form: form({ strength: 'Muộn' }),
      }),
      409,
      /hết thời gian/,
    );
  });

  it('merges unsigned paper forms with phone forms under the small-group setting, which the root administrator sets', async () => {
    const paper = await meeting.secretary.client.post(url('/paper-forms'), {
      selfCriticismId: meeting.members.a.selfCriticismId,
      authorName: null,
      form: form({ shortcoming: 'Phiếu giấy không ghi tên' }),
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const signed = await meeting.secretary.client.post(url('/paper-forms'), {
      selfCriticismId: meeting.members.a.selfCriticismId,
      authorName: 'Người Ký Tên',
      form: form({ shortcoming: 'Phiếu giấy có ghi tên' }),
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const memberA = async () =>
      ((await meeting.committee.get(url('/phone-forms'))).json() as ReleasedPhoneForms).members.find(
        (member) => member.selfCriticismId === meeting.members.a.selfCriticismId,
      )!;
    // Two anonymous forms (one phone, one paper): still under 3, one list; a signed form is not anonymous.
    const merged = await memberA();
    expect(merged.merged && merged.opinions.map((opinion) => opinion.text).sort()).toEqual(
      ['Gương mẫu', 'Phiếu giấy không ghi tên', 'Đề xuất một'].sort(),
    );

    const admin = meeting.tree.admin;
    const current = (await admin.get('/api/v1/settings/anonymity')).json();
    expect(current).toMatchObject({ smallGroupThreshold: 3, canEdit: true });
    expectRefusal(
      await meeting.committee.put('/api/v1/settings/anonymity', {
        version: current.version,
        smallGroupThreshold: 1,
      }),
      403,
      /quyền/,
    );
    expectRefusal(
      await admin.put('/api/v1/settings/anonymity', { version: current.version, smallGroupThreshold: 0 }),
      400,
      /từ 1/,
    );
    const saved = await admin.put('/api/v1/settings/anonymity', {
      version: current.version,
      smallGroupThreshold: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const split = await memberA();
    expect(split.merged).toBe(false);
    expect(split.merged === false && split.forms.map((item) => item.channel).sort()).toEqual([
      'paper',
      'phone',
    ]);
    const stale = await admin.put('/api/v1/settings/anonymity', {
      version: current.version,
      smallGroupThreshold: 3,
    });
    expect(stale.statusCode).toBe(409);
    await admin.put('/api/v1/settings/anonymity', { version: saved.json().version, smallGroupThreshold: 3 });
  });

  it('answers 429 in Vietnamese after too many wrong codes from one address, on every instance', async () => {
    const attempt = (app: TestContext['app'], remoteAddress: string, path = 'open') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/phone-form/${path}`,
        payload:
          path === 'open'
            ? { code: 'ABCDE-FGHJK' }
            : {
                code: 'ABCDE-FGHJK',
                selfCriticismId: meeting.members.a.selfCriticismId,
                form: form({ strength: 'x' }),
              },
        remoteAddress,
      });
    // A second server on the same database counts the same failures (the count is in the database).
    const other = await buildApp({ config: testConfig(), db: context.database.db, serveWeb: false });
    await other.ready();
    try {
      for (let index = 0; index < 10; index++)
        expect((await attempt(context.app, '10.9.8.7')).statusCode).toBe(404);
      for (let index = 0; index < 10; index++)
        expect((await attempt(other, '10.9.8.7', 'submit')).statusCode).toBe(404);
      expectRefusal(await attempt(context.app, '10.9.8.7'), 429, /quá nhiều lần/);
      expectRefusal(await attempt(other, '10.9.8.7', 'submit'), 429, /quá nhiều lần/);
      // A right code is refused too while the address is throttled, and counts nothing.
      const right = await other.inject({
        method: 'POST',
        url: '/api/v1/phone-form/open',
        payload: { code: codes[6] },
        remoteAddress: '10.9.8.7',
      });
      expect(right.statusCode).toBe(429);
      expect((await attempt(other, '10.9.8.8')).statusCode).toBe(404);
    } finally {
      await other.close();
    }
    // S6: only a keyed hash of the address and a 5-minute bucket are stored, for failures only.
    const rows = await queryRows<{
      scope: string;
      address_key: string;
      bucket_start: Date | string;
      failures: number;
    }>(
      context.database.db,
      sql`select scope, address_key, bucket_start, failures from code_attempt_failures`,
    );
    // 20 from 10.9.8.7, 1 from 10.9.8.8, 3 from the wrong codes of the earlier tests.
    expect(rows.reduce((sum, row) => sum + row.failures, 0)).toBe(24);
    for (const row of rows) {
      expect(row.scope).toBe('phone');
      expect(row.address_key).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain('10.9.8');
      expect(new Date(row.bucket_start).getTime() % (5 * 60_000)).toBe(0);
    }
  });
});
