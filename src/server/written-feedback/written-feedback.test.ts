import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FORM_MESSAGE } from '../../domain/feedback.js';
import { MINUTES_LOCKED_MESSAGE } from '../http/error-handler.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { createTestContext, type TestContext } from '../test-support.js';
import { CLOSED_MESSAGE, OTHER_WORKPLACE_MESSAGE, PARTY_MEMBER_MESSAGE } from './service.js';

const blankForm = () => ({
  strengths: { politicalIdeology: '', ethicsLifestyle: '', duties: '', discipline: '', remedying: '' },
  shortcomings: { politicalIdeology: '', ethicsLifestyle: '', duties: '', discipline: '', remedying: '' },
  proposals: '',
});

describe('written feedback: paper and named online forms', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let url: (path: string) => string;
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await context.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    url = (path: string) => `/api/v1/meetings/${prepared.meetingId}${path}`;
  });
  afterAll(() => context.close());

  it('types in a paper form: one form, one opinion per filled area, in the seed order, with the signed name', async () => {
    const form = blankForm();
    form.strengths.duties = 'Tận tụy với công việc.';
    form.shortcomings.discipline = 'Đôi khi đi họp muộn.';
    form.proposals = 'Nên đối thoại nhiều hơn.';
    const response = await prepared.secretary.client.post(url('/paper-forms'), {
      selfCriticismId: prepared.members.a.selfCriticismId,
      authorName: '  Lê Văn Giấy ',
      form,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().opinions).toBe(3);
    const stored = await rows(
      sql`select channel, area, kind, text, speaker_name, form_id, recorded_by, change_seq from feedback where meeting_id = ${prepared.meetingId} order by change_seq`,
    );
    expect(stored.map((row) => [row.channel, row.area, row.kind, row.text, row.speaker_name])).toEqual([
      ['paper', 'duties', 'strength', 'Tận tụy với công việc.', 'Lê Văn Giấy'],
      ['paper', 'discipline', 'shortcoming', 'Đôi khi đi họp muộn.', 'Lê Văn Giấy'],
      ['paper', 'proposals', 'proposal', 'Nên đối thoại nhiều hơn.', 'Lê Văn Giấy'],
    ]);
    expect(
      stored.every((row) => row.recorded_by === prepared.secretary.accountId && row.change_seq !== null),
    ).toBe(true);
    const list = await prepared.committee.get(url('/written-forms'));
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        channel: 'paper',
        authorName: 'Lê Văn Giấy',
        memberName: 'Nguyễn Văn Tám',
        opinions: [
          expect.objectContaining({ kind: 'strength', text: 'Tận tụy với công việc.' }),
          expect.objectContaining({ kind: 'shortcoming' }),
          expect.objectContaining({ kind: 'proposal' }),
        ],
      }),
    ]);
    const audit = JSON.stringify(
      await rows(sql`select * from audit_entries where action like 'feedback_form.%'`),
    );
    expect(audit).toContain('feedback_form.paper');
    expect(audit).not.toContain('Tận tụy');
  });

  it('keeps an unsigned paper form without a name', async () => {
    const form = blankForm();
    form.strengths.politicalIdeology = 'Lập trường vững vàng.';
    const response = await prepared.committee.post(url('/paper-forms'), {
      selfCriticismId: prepared.members.b.selfCriticismId,
      authorName: '',
      form,
    });
    expect(response.statusCode).toBe(201);
    const [row] = await rows(sql`select author_name from feedback_forms where id = ${response.json().id}`);
    expect(row?.author_name).toBeNull();
  });

  it('refuses an all-empty form', async () => {
    const form = blankForm();
    form.strengths.duties = '   ';
    const response = await prepared.secretary.client.post(url('/paper-forms'), {
      selfCriticismId: prepared.members.a.selfCriticismId,
      authorName: null,
      form,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(EMPTY_FORM_MESSAGE);
  });

  it('refuses a member who is not of this meeting', async () => {
    const form = blankForm();
    form.proposals = 'Đề xuất.';
    const response = await prepared.secretary.client.post(url('/paper-forms'), {
      selfCriticismId: crypto.randomUUID(),
      authorName: null,
      form,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('không tự phê bình tại buổi họp này');
  });

  it('keeps paper forms to the recorders: a member and a non-member are refused', async () => {
    const form = blankForm();
    form.proposals = 'Đề xuất.';
    const body = { selfCriticismId: prepared.members.a.selfCriticismId, authorName: null, form };
    for (const client of [prepared.members.b.client, prepared.nonMember.client]) {
      const response = await client.post(url('/paper-forms'), body);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toContain('không có quyền');
      expect((await client.get(url('/written-forms'))).statusCode).toBe(403);
    }
  });

  it('downloads the blank form and one pre-filled form per member', async () => {
    const blank = await prepared.secretary.client.get(url('/feedback-forms.docx?prefilled=false'));
    expect(blank.statusCode).toBe(200);
    expect(blank.headers['content-type']).toContain('wordprocessingml');
    const prefilled = await prepared.committee.get(url('/feedback-forms.pdf?prefilled=true'));
    expect(prefilled.statusCode).toBe(200);
    expect(prefilled.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await prepared.members.a.client.get(url('/feedback-forms.pdf'))).statusCode).toBe(403);
  });

  describe('named online forms', () => {
    const form = () => {
      const filled = blankForm();
      filled.shortcomings.duties = 'Tiếp dân còn chậm.';
      return filled;
    };

    it('lists nothing and refuses a form while the meeting is not under way', async () => {
      const listed = await prepared.nonMember.client.get('/api/v1/me/feedback-meetings');
      expect(listed.json()).toEqual({ eligibility: 'eligible', items: [] });
      const response = await prepared.nonMember.client.post(url('/online-forms'), {
        selfCriticismId: prepared.members.a.selfCriticismId,
        form: form(),
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toBe(CLOSED_MESSAGE);
    });

    it('lists the meeting under way with the members summaries and takes a named form', async () => {
      await context.database.db.execute(
        sql`update meetings set agenda_step = 'content' where id = ${prepared.meetingId}`,
      );
      const listed = await prepared.nonMember.client.get('/api/v1/me/feedback-meetings');
      expect(listed.statusCode).toBe(200);
      const [meeting] = listed.json().items;
      expect(meeting.meetingId).toBe(prepared.meetingId);
      expect(meeting.members.map((member: { fullName: string }) => member.fullName)).toEqual([
        'Nguyễn Văn Tám',
        'Trần Thị Chín',
      ]);
      expect(meeting.members[1].duties).toBe('Kế toán');
      const response = await prepared.nonMember.client.post(url('/online-forms'), {
        selfCriticismId: prepared.members.a.selfCriticismId,
        form: form(),
      });
      expect(response.statusCode).toBe(201);
      const [stored] = await rows(
        sql`select channel, author_name, author_account_id, recorded_at from feedback_forms where id = ${response.json().id}`,
      );
      expect(stored).toMatchObject({
        channel: 'online',
        author_name: 'Võ Văn Quần',
        author_account_id: prepared.nonMember.accountId,
      });
      expect(stored?.recorded_at).not.toBeNull();
      const list = await prepared.secretary.client.get(url('/written-forms'));
      expect(list.json().items.map((item: { channel: string }) => item.channel)).toContain('online');
    });

    it('refuses a party member with an explanation', async () => {
      const listed = await prepared.members.a.client.get('/api/v1/me/feedback-meetings');
      expect(listed.json()).toEqual({ eligibility: 'party_member', items: [] });
      const response = await prepared.members.b.client.post(url('/online-forms'), {
        selfCriticismId: prepared.members.a.selfCriticismId,
        form: form(),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toBe(PARTY_MEMBER_MESSAGE);
    });

    it('refuses someone from another workplace', async () => {
      await context.database.db.execute(
        sql`update people set workplace_id = ${prepared.tree.workplaces.wpB1} where id = ${prepared.nonMember.personId}`,
      );
      try {
        const response = await prepared.nonMember.client.post(url('/online-forms'), {
          selfCriticismId: prepared.members.a.selfCriticismId,
          form: form(),
        });
        expect(response.statusCode).toBe(403);
        expect(response.json().error.message).toBe(OTHER_WORKPLACE_MESSAGE);
        expect((await prepared.nonMember.client.get('/api/v1/me/feedback-meetings')).json().items).toEqual(
          [],
        );
      } finally {
        await context.database.db.execute(
          sql`update people set workplace_id = ${prepared.workplaceId} where id = ${prepared.nonMember.personId}`,
        );
      }
    });

    it('refuses an empty named form', async () => {
      const response = await prepared.nonMember.client.post(url('/online-forms'), {
        selfCriticismId: prepared.members.a.selfCriticismId,
        form: blankForm(),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toBe(EMPTY_FORM_MESSAGE);
    });

    it('refuses every written form once the minutes are locked', async () => {
      await context.database.db.execute(sql`
        insert into minutes (meeting_id, locked_content, content_hash, locked_at)
        values (${prepared.meetingId}, '{}'::jsonb, 'hash', now())`);
      const online = await prepared.nonMember.client.post(url('/online-forms'), {
        selfCriticismId: prepared.members.a.selfCriticismId,
        form: form(),
      });
      expect(online.statusCode).toBe(409);
      expect(online.json().error.message).toBe(MINUTES_LOCKED_MESSAGE);
      const paper = await prepared.secretary.client.post(url('/paper-forms'), {
        selfCriticismId: prepared.members.a.selfCriticismId,
        authorName: null,
        form: form(),
      });
      expect(paper.statusCode).toBe(409);
      expect(paper.json().error.message).toBe(MINUTES_LOCKED_MESSAGE);
      expect((await prepared.nonMember.client.get('/api/v1/me/feedback-meetings')).json().items).toEqual([]);
    });
  });
});
