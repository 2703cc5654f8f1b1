import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilationSubject } from '../../documents/compilation-document.js';
import { DRAFT_MARK } from '../../documents/party-document.js';
import { documentXml, docxParagraphs, pdfLines } from '../../documents/read-exports.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { form, inOneHour, issueCodes } from '../phone-forms/test-helpers.js';
import { accountName, createTestContext, TestClient, type TestContext } from '../test-support.js';
import { FINAL_MESSAGE } from './access.js';
import {
  EXPLAINED_NEEDS_REASON_MESSAGE,
  INDIVIDUAL_NEEDS_MEMBER_MESSAGE,
  MERGE_MISMATCH_MESSAGE,
} from './points.js';
import { NOT_HELD_MESSAGE, WINDOW_OPEN_MESSAGE } from './read.js';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

interface Opinion {
  feedbackId: string;
  text: string;
  channel: string;
  speaker: string;
  dissenting: boolean;
}
interface Point {
  id: string;
  selfCriticismId: string | null;
  area: string;
  kind: string;
  text: string;
  dissenting: boolean;
  version: number;
  responsibility: string | null;
  conclusion: string | null;
  opinions: Opinion[];
}
interface View {
  id: string | null;
  status: string | null;
  version: number | null;
  contentVisible: boolean;
  targets: { selfCriticismId: string | null; name: string; areas: { area: string; points: Point[] }[] }[];
  unplaced: Opinion[];
  pointsTotal: number;
  pointsIncomplete: number;
}

const pointsOf = (view: View) =>
  view.targets.flatMap((target) => target.areas.flatMap((group) => group.points));

describe('compilation of a meeting’s opinions', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let url: (path?: string) => string;
  let view: View;

  const expectRefusal = (
    response: { statusCode: number; json(): unknown },
    status: number,
    text: RegExp | string,
  ) => {
    expect(response.statusCode).toBe(status);
    const { message } = (response.json() as { error: { message: string } }).error;
    expect(message).toMatch(VIETNAMESE);
    if (typeof text === 'string') expect(message).toBe(text);
    else expect(message).toMatch(text);
  };
  const meetingVersion = async () => (await prepared.committee.get(url())).json().version as number;
  const moveTo = async (step: string) =>
    prepared.secretary.client.put(url('/agenda'), { step, version: await meetingVersion() });
  const oral = (fields: object) =>
    prepared.secretary.client.post(url('/feedback'), {
      id: crypto.randomUUID(),
      selfCriticismId: prepared.members.a.selfCriticismId,
      area: 'duties',
      kind: 'shortcoming',
      text: 'Giải quyết hồ sơ của dân còn chậm',
      speakerName: 'Ông Lê Văn Ba',
      dissenting: false,
      ...fields,
    });
  const read = async () => {
    const response = await prepared.committee.get(url('/compilation'));
    expect(response.statusCode).toBe(200);
    view = response.json();
    return view;
  };
  const feedbackCount = async () =>
    Number(
      (
        (await context.database.db.execute(
          sql`select count(*) as n from feedback where meeting_id = ${prepared.meetingId}`,
        )) as unknown as { rows: { n: string }[] }
      ).rows[0]!.n,
    );
  /** Nothing is dropped: every opinion of the meeting sits under exactly one point of the compilation. */
  const expectEveryOpinionPlacedOnce = async () => {
    const placed = pointsOf(await read()).flatMap((point) =>
      point.opinions.map((opinion) => opinion.feedbackId),
    );
    expect(new Set(placed).size).toBe(placed.length);
    expect(placed).toHaveLength(await feedbackCount());
    expect(pointsOf(view).every((point) => point.opinions.length > 0)).toBe(true);
  };

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    url = (path = '') => `/api/v1/meetings/${prepared.meetingId}${path}`;
  });
  afterAll(() => context.close());

  it('refuses the compilation before the meeting is held', async () => {
    expectRefusal(await prepared.committee.post(url('/compilation')), 409, NOT_HELD_MESSAGE);
    const status = (await prepared.committee.get(url('/compilation'))).json();
    expect(status).toMatchObject({ id: null, status: null, createBlockedReason: NOT_HELD_MESSAGE });
  });

  it('records opinions through every channel and ends the meeting', async () => {
    const { a, b } = prepared.members;
    expect((await moveTo('opening')).statusCode).toBe(200);
    expect((await oral({})).statusCode).toBe(201);
    expect((await oral({ text: 'Giải quyết hồ sơ của dân còn chậm trễ', speakerName: '' })).statusCode).toBe(
      201,
    );
    expect(
      (
        await oral({
          selfCriticismId: b.selfCriticismId,
          area: 'ethicsLifestyle',
          kind: 'strength',
          text: 'Đồng chí Chín sống giản dị, gần gũi.',
          dissenting: true,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await oral({
          selfCriticismId: null,
          area: 'proposals',
          kind: 'proposal',
          text: 'Chi bộ nên họp đúng giờ.',
        })
      ).statusCode,
    ).toBe(201);
    const paper = await prepared.secretary.client.post(url('/paper-forms'), {
      selfCriticismId: b.selfCriticismId,
      authorName: 'Lê Văn Giấy',
      form: {
        strengths: {
          politicalIdeology: '',
          ethicsLifestyle: '',
          duties: 'Tận tụy.',
          discipline: '',
          remedying: '',
        },
        shortcomings: {
          politicalIdeology: '',
          ethicsLifestyle: '',
          duties: '',
          discipline: '',
          remedying: '',
        },
        proposals: '',
      },
    });
    expect(paper.statusCode).toBe(201);
    const [code] = await issueCodes(prepared.committee, prepared.meetingId, 1);
    expect(
      (await prepared.committee.post(url('/form-window/open'), { endsAt: inOneHour() })).statusCode,
    ).toBe(200);
    const phone = new TestClient(context.app);
    const sent = await phone.post('/api/v1/phone-form/submit', {
      code,
      selfCriticismId: a.selfCriticismId,
      form: form({ shortcoming: 'Hay đến muộn' }),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const attendance = await prepared.committee.put(url('/attendance'), {
      version: await meetingVersion(),
      members: [
        { selfCriticismId: a.selfCriticismId, present: true },
        {
          selfCriticismId: b.selfCriticismId,
          present: false,
          absenceReason: 'Đi công tác',
          absenceReasonValid: true,
        },
      ],
      massesPresent: 6,
      massesPresentNames: [],
    });
    expect(attendance.statusCode, attendance.body).toBe(200);
    expect((await moveTo('content')).statusCode).toBe(200);
    expect((await moveTo('closing')).statusCode).toBe(200);
    expect((await moveTo('done')).statusCode).toBe(200);
  });

  it('refuses the compilation while the phone window is open', async () => {
    expectRefusal(await prepared.committee.post(url('/compilation')), 409, WINDOW_OPEN_MESSAGE);
    expect((await prepared.committee.post(url('/form-window/close'))).statusCode).toBe(200);
  });

  it('keeps the compilation to the meeting committee', async () => {
    const other = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    for (const client of [prepared.secretary.client, prepared.members.a.client, other]) {
      expectRefusal(await client.post(url('/compilation')), 403, /quyền/);
    }
  });

  it('drafts one point per group of near-duplicates, every opinion under exactly one, dissent kept', async () => {
    const created = await prepared.committee.post(url('/compilation'));
    expect(created.statusCode, created.body).toBe(201);
    view = created.json();
    expect(view.status).toBe('draft');
    await expectEveryOpinionPlacedOnce();
    expect(view.targets.map((target) => target.name)).toEqual([
      'Tập thể chi bộ',
      'Nguyễn Văn Tám',
      'Trần Thị Chín',
    ]);
    const slow = pointsOf(view).find((point) => point.text === 'Giải quyết hồ sơ của dân còn chậm');
    expect(slow?.opinions.map((opinion) => opinion.speaker)).toEqual(['Ông Lê Văn Ba', 'không ghi tên']);
    const dissent = pointsOf(view).find((point) => point.text === 'Đồng chí Chín sống giản dị, gần gũi.');
    expect(dissent).toMatchObject({ dissenting: true, opinions: [{ dissenting: true }] });
    const phoneOpinion = pointsOf(view)
      .flatMap((point) => point.opinions)
      .find((opinion) => opinion.channel === 'phone');
    expect(phoneOpinion).toMatchObject({ text: 'Hay đến muộn', speaker: 'không ghi tên' });
    expect(view.pointsIncomplete).toBe(view.pointsTotal);
    const again = await prepared.committee.post(url('/compilation'));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(view.id);
    await expectEveryOpinionPlacedOnce();
  });

  it('shows officers above the status only, and members nothing', async () => {
    const board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    const status = (await board.get(url('/compilation'))).json();
    expect(status).toMatchObject({ status: 'draft', contentVisible: false, targets: [], unplaced: [] });
    expect((await board.get(url('/compilation.pdf'))).statusCode).toBe(403);
    expect((await prepared.members.a.client.get(url('/compilation'))).statusCode).toBe(403);
    const secretary = (await prepared.secretary.client.get(url('/compilation'))).json();
    expect(secretary).toMatchObject({ contentVisible: true, canEdit: false });
  });

  it('lists an opinion recorded after the draft as unplaced, then places it under a new point', async () => {
    expect((await oral({ area: 'discipline', text: 'Đi họp muộn nhiều lần.' })).statusCode).toBe(201);
    expect((await read()).unplaced.map((opinion) => opinion.text)).toEqual(['Đi họp muộn nhiều lần.']);
    const synced = await prepared.committee.post(url('/compilation/sync'));
    expect(synced.statusCode).toBe(200);
    expect(synced.json().unplaced).toEqual([]);
    await expectEveryOpinionPlacedOnce();
  });

  it('classifies and concludes a point, with clear refusals first', async () => {
    const point = pointsOf(await read()).find((item) => item.text === 'Giải quyết hồ sơ của dân còn chậm')!;
    const patch = (body: object) => prepared.committee.patch(`/api/v1/compilation-points/${point.id}`, body);
    expectRefusal(
      await patch({ version: point.version, responsibility: 'individual' }),
      400,
      INDIVIDUAL_NEEDS_MEMBER_MESSAGE,
    );
    expectRefusal(
      await patch({
        version: point.version,
        responsibility: 'individual',
        responsibleSelfCriticismId: crypto.randomUUID(),
      }),
      400,
      INDIVIDUAL_NEEDS_MEMBER_MESSAGE,
    );
    expectRefusal(
      await patch({ version: point.version, conclusion: 'explained', explanation: '  ' }),
      400,
      EXPLAINED_NEEDS_REASON_MESSAGE,
    );
    const saved = await patch({
      version: point.version,
      responsibility: 'individual',
      responsibleSelfCriticismId: prepared.members.a.selfCriticismId,
      conclusion: 'explained',
      explanation: 'Do thiếu người; đã bổ sung cán bộ từ tháng 12.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = pointsOf(saved.json()).find((item) => item.id === point.id)!;
    expect(after).toMatchObject({
      responsibility: 'individual',
      conclusion: 'explained',
      version: point.version + 1,
    });
    expect(after).toMatchObject({ responsibleName: 'Nguyễn Văn Tám' });
    expectRefusal(await patch({ version: point.version, conclusion: 'accepted' }), 409, /tải lại/);
  });

  it('merges points of the same target and kind and splits an opinion back, never dropping one', async () => {
    const points = pointsOf(await read());
    const aboutA = points.filter(
      (point) => point.selfCriticismId === prepared.members.a.selfCriticismId && point.kind === 'shortcoming',
    );
    expect(aboutA.length).toBeGreaterThanOrEqual(3);
    const collective = points.find((point) => point.selfCriticismId === null)!;
    expectRefusal(
      await prepared.committee.post(`/api/v1/compilation-points/${collective.id}/merge`, {
        intoPointId: aboutA[0]!.id,
      }),
      409,
      MERGE_MISMATCH_MESSAGE,
    );
    const merge = (from: Point, into: Point) =>
      prepared.committee.post(`/api/v1/compilation-points/${from.id}/merge`, { intoPointId: into.id });
    expect((await merge(aboutA[1]!, aboutA[0]!)).statusCode).toBe(200);
    await expectEveryOpinionPlacedOnce();
    expect((await merge(aboutA[2]!, aboutA[0]!)).statusCode).toBe(200);
    await expectEveryOpinionPlacedOnce();
    const grouped = pointsOf(view).find((point) => point.id === aboutA[0]!.id)!;
    const total = grouped.opinions.length;
    expect(total).toBeGreaterThanOrEqual(4);
    const split = (opinion: Opinion) =>
      prepared.committee.post(`/api/v1/compilation-opinions/${opinion.feedbackId}/split`);
    expect((await split(grouped.opinions[total - 1]!)).statusCode).toBe(200);
    await expectEveryOpinionPlacedOnce();
    expect((await split(grouped.opinions[0]!)).statusCode).toBe(200);
    await expectEveryOpinionPlacedOnce();
    const alone = pointsOf(view).find((point) => point.opinions.length === 1)!;
    expectRefusal(await split(alone.opinions[0]!), 409, /điểm riêng/);
    expect(pointsOf(view).find((point) => point.id === aboutA[0]!.id)!.opinions).toHaveLength(total - 2);
  });

  it('refuses to finalize while points lack a classification or conclusion, then finalizes and moves the workplace', async () => {
    await read();
    const refused = await prepared.committee.post(url('/compilation/finalize'), { version: view.version });
    expectRefusal(refused, 409, new RegExp(`Còn ${view.pointsIncomplete} điểm`));
    for (const point of pointsOf(view).filter((item) => item.conclusion === null)) {
      const response = await prepared.committee.patch(`/api/v1/compilation-points/${point.id}`, {
        version: point.version,
        responsibility: point.selfCriticismId ? 'individual' : 'collective',
        responsibleSelfCriticismId: point.selfCriticismId,
        conclusion: 'accepted',
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    expectRefusal(
      await prepared.committee.post(url('/compilation/finalize'), { version: view.version }),
      409,
      /tải lại/,
    );
    const version = (await read()).version;
    expectRefusal(
      await prepared.committee.post(url('/compilation/finalize'), { version, number: '05/BC' }),
      400,
      /Số báo cáo tổng hợp chỉ gồm chữ số/,
    );
    const final = await prepared.committee.post(url('/compilation/finalize'), { version, number: '07' });
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json()).toMatchObject({
      status: 'final',
      canEdit: false,
      pointsIncomplete: 0,
      number: '07',
    });
    const listed = await prepared.committee.get(`/api/v1/plans/${prepared.planId}/workplaces?required=true`);
    const row = listed
      .json()
      .items.find((item: { workplaceId: string }) => item.workplaceId === prepared.workplaceId);
    expect(row.status).toBe('compiled');
    const point = pointsOf(final.json())[0]!;
    expectRefusal(
      await prepared.committee.patch(`/api/v1/compilation-points/${point.id}`, {
        version: point.version,
        text: 'Khác',
      }),
      409,
      FINAL_MESSAGE,
    );
    expectRefusal(await prepared.committee.post(url('/compilation/sync')), 409, FINAL_MESSAGE);
  });

  it('renders the compilation as a party report with the dissenting point marked (DOCX and PDF)', async () => {
    const docx = await prepared.committee.get(url('/compilation.docx'));
    expect(docx.statusCode).toBe(200);
    expect(String(docx.headers['content-disposition'])).toContain('.docx');
    const lines = docxParagraphs(await documentXml(docx.rawPayload));
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain(compilationSubject(2026));
    // Closed with its number; Nơi nhận from the tree.
    expect(lines).toContain('Số 07-BC/CB');
    expect(lines).not.toContain(DRAFT_MARK);
    expect(lines).toEqual(expect.arrayContaining(['- Đảng ủy cơ sở A (b/c),', '- Lưu chi bộ.']));
    expect(
      lines.some((line) => line.includes('Đồng chí Chín sống giản dị, gần gũi. (ý kiến trái chiều)')),
    ).toBe(true);
    expect(lines.some((line) => line.includes('Giải trình: Do thiếu người'))).toBe(true);
    expect(lines).toContain('T/M CHI ỦY');
    const pdf = await prepared.secretary.client.get(url('/compilation.pdf'));
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfLines(pdf.rawPayload)).join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('(ý kiến trái chiều)');
  });

  it('shows each member the final points about them, and whether an absent member was told', async () => {
    const mine = (await prepared.members.b.client.get('/api/v1/me/compiled-points')).json();
    expect(mine.meetings).toHaveLength(1);
    expect(mine.meetings[0]).toMatchObject({
      absent: true,
      absenceReason: 'Đi công tác',
      toldAt: null,
      year: 2026,
    });
    const texts = mine.meetings[0].points.map((point: { text: string }) => point.text);
    expect(texts).toContain('Đồng chí Chín sống giản dị, gần gũi.');
    const memberA = (await prepared.members.a.client.get('/api/v1/me/compiled-points')).json();
    expect(memberA.meetings[0].absent).toBe(false);
    const phone = memberA.meetings[0].points
      .flatMap((point: { opinions: { channelLabel: string; speaker: string }[] }) => point.opinions)
      .find((opinion: { text: string }) => opinion.text === 'Hay đến muộn');
    expect(phone).toMatchObject({ speaker: 'không ghi tên' });
    const nobody = (await prepared.nonMember.client.get('/api/v1/me/compiled-points')).json();
    expect(nobody.meetings).toEqual([]);
  });
});
