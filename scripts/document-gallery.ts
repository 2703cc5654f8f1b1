/**
 * Every party document of the process, downloaded from a running app as DOCX and PDF, to be looked
 * at as a clerk would (shared/DOCUMENTS.md, "How to check an export"):
 *
 *   PORT=4012 DATA_DIR=/tmp/tpb-x npm start           # a fresh demo
 *   npx tsx scripts/document-gallery.ts http://127.0.0.1:4012 out/gallery
 *
 * It drives the demo through the API with the demo accounts — the bloc's plan from the template
 * (draft, then published), two self-criticisms (with and without office), the Văn phòng Sở Y tế
 * meeting with opinions, the minutes before and after the three signatures, the compilation before
 * and after it is closed, the remediation plan and the reports of the cell, the base and the bloc —
 * saving each document on the way. With `--render` it also converts every DOCX through LibreOffice
 * and every PDF to PNG pages (`soffice`, `pdftoppm`), into `<out>/png/`. Run it once per fresh demo.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [base = 'http://127.0.0.1:3000', out = 'out/gallery', ...flags] = process.argv.slice(2);
const render = flags.includes('--render');
const PASSWORD = 'demo12345';
const DAY = 86_400_000;
const vietnamDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * DAY).toISOString().slice(0, 10);

// biome-ignore lint/suspicious/noExplicitAny: the script reads API answers loosely, as a tester would.
type Json = any;

class Session {
  private cookie = '';
  constructor(readonly username: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = response.headers.get('set-cookie');
    const session = set && /tpb_session=([^;]*)/.exec(set);
    if (session) this.cookie = `tpb_session=${session[1]}`;
    return response;
  }

  async json<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${this.username} ${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  get = <T = Json>(path: string) => this.json<T>('GET', path);
  post = <T = Json>(path: string, body: unknown = {}) => this.json<T>('POST', path, body);
  put = <T = Json>(path: string, body: unknown) => this.json<T>('PUT', path, body);
  patch = <T = Json>(path: string, body: unknown) => this.json<T>('PATCH', path, body);

  /** Saves `path` (a document route) as `<out>/<name>`. */
  async save(name: string, path: string, method = 'GET', body?: unknown): Promise<void> {
    const response = await this.request(method, path, body);
    if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
    writeFileSync(join(out, name), Buffer.from(await response.arrayBuffer()));
    console.log(`saved ${name}`);
  }

  /** Both formats of one document route ending in `.{format}`. */
  async both(name: string, pathWithoutFormat: string): Promise<void> {
    const [path, query] = pathWithoutFormat.split('?');
    for (const format of ['docx', 'pdf'])
      await this.save(`${name}.${format}`, `${path}.${format}${query ? `?${query}` : ''}`);
  }
}

async function signIn(username: string): Promise<Session> {
  const session = new Session(username);
  await session.post('/sessions', { username, password: PASSWORD });
  return session;
}

async function main() {
  mkdirSync(out, { recursive: true });
  const board = await signIn('bantochuc');
  const cellCommittee = await signIn('chiuy.vp');
  const baseCommittee = await signIn('capuy.syt');
  const member = await signIn('dangvien');
  const secretary = await signIn('thuky');
  const year = Number(vietnamDay(0).slice(0, 4));

  // 1. The bloc's plan from the app's own template: a draft, then published.
  const roots = await board.get('/organizations');
  const bloc = roots.items.find((organization: { kind: string }) => organization.kind === 'bloc');
  const template = await board.get(`/plans/template?organizationId=${bloc.id}&year=${year}`);
  const deadlines = {
    meetingsDueOn: vietnamDay(-4),
    baseReportsDueOn: vietnamDay(-3),
    upwardReportDueOn: vietnamDay(10),
  };
  let plan = await board.post('/plans', { ...template, ...deadlines });
  await board.both('01-ke-hoach-du-thao', `/plans/${plan.id}/document`);
  plan = await board.patch(`/plans/${plan.id}`, {
    version: plan.version,
    number: '06',
    place: 'Trà Vinh',
    issuedOn: vietnamDay(-30),
    signerName: 'Nguyễn Văn Tám',
  });
  await board.post(`/plans/${plan.id}/publish`, { version: plan.version });
  await board.both('02-ke-hoach-ban-hanh', `/plans/${plan.id}/document`);

  // 2. The self-criticism templates, blank.
  for (const template of ['with_office', 'without_office'])
    await member.both(
      `03-mau-tu-phe-binh-${template}-trong`,
      `/self-criticism-templates/${template}/document?planId=${plan.id}`,
    );

  // 3. Two filled self-criticisms: dangvien's (without office), chiuy.vp's (with office).
  const write = async (session: Session, extra: string) => {
    const mine = await session.get('/self-criticisms/mine');
    const own = mine.items.find((item: { planId: string }) => item.planId === plan.id);
    let report = await session.get(`/self-criticisms/${own.id}`);
    report = await session.patch(`/self-criticisms/${own.id}`, {
      version: report.version,
      content: {
        politicalIdeology:
          '- Luôn kiên định lập trường, chấp hành nghiêm đường lối, chỉ thị, nghị quyết của Đảng (Quy định số 3054-QĐ/TU, ngày 27/11/2017).\n- Không có biểu hiện “*tự diễn biến*”, “*tự chuyển hóa*”.',
        ethicsLifestyle: '- Giữ gìn phẩm chất đạo đức, lối sống giản dị, trung thực.',
        duties: `- ${extra}`,
        discipline: '- Chấp hành nghiêm nội quy, quy chế cơ quan và Chỉ thị số 05-CT/TW.',
        remedying: 'Đã khắc phục việc chậm nộp báo cáo định kỳ.',
        shortcomings: '- Có lúc chưa mạnh dạn góp ý đồng nghiệp.\n- Nguyên nhân: ngại va chạm.',
        remedies: '- Thẳng thắn góp ý trong sinh hoạt chi bộ.',
      },
      manifestationAnswer: { none: true, items: [] },
    });
    report = await session.post(`/self-criticisms/${own.id}/submit`, { version: report.version });
    return report;
  };
  const memberReport = await write(
    member,
    'Hoàn thành tốt nhiệm vụ được giao; giải quyết hồ sơ đúng hạn 98%.',
  );
  const officeReport = await write(cellCommittee, 'Điều hành Văn phòng hoàn thành tốt nhiệm vụ.');
  // The committee accepts dangvien's report; its own secretary's report waits for another committee member.
  await cellCommittee.post(`/self-criticisms/${memberReport.id}/accept`, { version: memberReport.version });
  await member.both('04-tu-phe-binh-khong-chuc-vu', `/self-criticisms/${memberReport.id}/document`);
  await cellCommittee.both('05-tu-phe-binh-co-chuc-vu', `/self-criticisms/${officeReport.id}/document`);
  // The committee's summary of one member only: the others stay "not yet written".
  const summarized = await cellCommittee.get(`/self-criticisms/${memberReport.id}`);
  await cellCommittee.put(`/self-criticisms/${memberReport.id}/summary`, {
    version: summarized.version,
    duties: 'Chuyên viên bộ phận một cửa',
    strengths: 'Giải quyết hồ sơ đúng hạn.',
    shortcomings: 'Chưa mạnh dạn góp ý.',
  });

  // 4. The Văn phòng Sở Y tế meeting, five days ago.
  const workplaceId = memberReport.workplaceId;
  await cellCommittee.both(
    '06-danh-sach-tom-tat',
    `/plans/${plan.id}/workplaces/${workplaceId}/summary-list`,
  );
  const accounts = await (await signIn('admin')).get('/accounts?q=thuky');
  const secretaryAccount = accounts.items.find((item: { username: string }) => item.username === 'thuky');
  const day = vietnamDay(-5);
  const meeting = await cellCommittee.post(`/plans/${plan.id}/workplaces/${workplaceId}/meeting`, {
    startsAt: `${day}T08:00:00+07:00`,
    endsAt: `${day}T11:00:00+07:00`,
    place: 'Hội trường Sở Y tế',
    chairName: 'Dương Hoàng Nam',
    secretaryAccountId: secretaryAccount.id,
    delegates: ['Đồng chí Trần Đức Long, Bí thư Đảng ủy Sở Y tế'],
  });
  await cellCommittee.both('07-phieu-gop-y', `/meetings/${meeting.id}/feedback-forms`);
  await cellCommittee.save('08-ma-qr.pdf', `/meetings/${meeting.id}/phone-codes/sheet.pdf`, 'POST', {
    count: 7,
  });
  await cellCommittee.save('08-ma-qr.docx', `/meetings/${meeting.id}/phone-codes/sheet.docx`, 'POST', {
    count: 14,
  });

  const attendance = await cellCommittee.get(`/meetings/${meeting.id}/attendance`);
  await cellCommittee.put(`/meetings/${meeting.id}/attendance`, {
    version: attendance.version,
    members: attendance.members.map((row: { selfCriticismId: string }) => ({
      selfCriticismId: row.selfCriticismId,
      present: true,
    })),
    massesPresent: 9,
  });
  const agenda = async (step: string) => {
    const { version } = await secretary.get(`/meetings/${meeting.id}`);
    await secretary.put(`/meetings/${meeting.id}/agenda`, { step, version });
  };
  await agenda('opening');
  await agenda('content');
  const opinion = (selfCriticismId: string | null, fields: Record<string, unknown>) =>
    secretary.post(`/meetings/${meeting.id}/feedback`, { id: randomUUID(), selfCriticismId, ...fields });
  await opinion(memberReport.id, {
    area: 'duties',
    kind: 'shortcoming',
    text: 'Đồng chí giải quyết hồ sơ của người dân còn chậm, có hồ sơ trễ hẹn so với Quyết định số 1085-QĐ/UBND.',
    speakerName: 'Ông Lê Văn Ba',
  });
  await opinion(memberReport.id, {
    area: 'duties',
    kind: 'strength',
    text: 'Tôi không đồng ý: đồng chí không chậm, hồ sơ tồn là do thiếu người.',
    speakerName: 'Bà Trần Thị Mai',
    dissenting: true,
  });
  await opinion(null, {
    area: 'proposals',
    kind: 'proposal',
    text: 'Chi bộ cần công khai tiến độ giải quyết hồ sơ tại trụ sở.',
    speakerName: null,
  });
  await agenda('closing');
  await agenda('done');
  await cellCommittee.both('09-bien-ban-du-thao', `/meetings/${meeting.id}/minutes`);
  // The secretary numbers the minutes from the cell's register, then the three sign.
  const drafted = await secretary.get(`/meetings/${meeting.id}/minutes`);
  await secretary.put(`/meetings/${meeting.id}/minutes`, {
    version: drafted.version,
    draft: { ...drafted.draft, number: '05' },
  });
  for (const [capacity, username] of [
    ['chair', 'chiuy.vp'],
    ['secretary', 'thuky'],
    ['masses_representative', 'quanchung'],
  ])
    await secretary.post(`/meetings/${meeting.id}/minutes/signatures`, {
      capacity,
      username,
      password: PASSWORD,
    });
  await cellCommittee.both('10-bien-ban-da-ky', `/meetings/${meeting.id}/minutes`);

  // 5. The compilation, draft and closed.
  let compilation = await cellCommittee.post(`/meetings/${meeting.id}/compilation`);
  await cellCommittee.both('11-tong-hop-du-thao', `/meetings/${meeting.id}/compilation`);
  const points = compilation.targets.flatMap((target: Json) =>
    target.areas.flatMap((area: Json) =>
      area.points.map((point: Json) => ({ ...point, collective: !target.selfCriticismId, target })),
    ),
  );
  for (const point of points) {
    const dissent = point.opinions.some((entry: { dissenting: boolean }) => entry.dissenting);
    await cellCommittee.patch(`/compilation-points/${point.id}`, {
      version: point.version,
      responsibility: point.collective ? 'collective' : 'individual',
      responsibleSelfCriticismId: point.collective ? null : point.target.selfCriticismId,
      conclusion: dissent ? 'explained' : 'accepted',
      explanation: dissent ? 'Ý kiến trái chiều được ghi nhận; chi ủy giữ nguyên nhận xét.' : null,
    });
  }
  compilation = await cellCommittee.get(`/meetings/${meeting.id}/compilation`);
  await cellCommittee.post(`/meetings/${meeting.id}/compilation/finalize`, {
    version: compilation.version,
    number: '07',
  });
  await cellCommittee.both('12-tong-hop-da-chot', `/meetings/${meeting.id}/compilation`);

  // 6. The remediation plan from the accepted points.
  for (const [index, point] of points.entries())
    if (!point.opinions.some((entry: { dissenting: boolean }) => entry.dissenting))
      await cellCommittee.post(`/meetings/${meeting.id}/remediation-items`, {
        pointId: point.id,
        action: `Khắc phục theo Kế hoạch số 06-KH/ĐUK: việc ${index + 1}.`,
        deadline: vietnamDay(30),
      });
  await cellCommittee.both('13-ke-hoach-khac-phuc', `/meetings/${meeting.id}/remediation`);

  // 7. The reports of the cell, the base and the bloc.
  const reportOf = async (session: Session, organizationId: string, name: string, results: string) => {
    let report = await session.get(`/plans/${plan.id}/organizations/${organizationId}/report`);
    report = await session.put(`/reports/${report.id}`, {
      version: report.version,
      narrative: { results, strengths: '', limits: '', proposals: '' },
    });
    await session.post(`/reports/${report.id}/submit`, { version: report.version });
    await session.both(name, `/reports/${report.id}/document`);
  };
  const attendanceView = await cellCommittee.get(`/meetings/${meeting.id}`);
  const cellId = attendanceView.organizationId ?? memberReport.cellId;
  await reportOf(cellCommittee, cellId, '14-bao-cao-chi-bo', 'Chi bộ đã tổ chức buổi tự phê bình.');
  const health = (await baseCommittee.get('/organizations')).items[0];
  await reportOf(baseCommittee, health.id, '15-bao-cao-dang-bo', 'Đảng bộ đã tổ chức theo kế hoạch.');
  let blocReport = await board.get(`/plans/${plan.id}/organizations/${bloc.id}/report`);
  blocReport = await board.put(`/reports/${blocReport.id}`, {
    version: blocReport.version,
    narrative: {
      results: 'Các đảng bộ, chi bộ cơ sở đã tổ chức theo Kế hoạch số 06-KH/ĐUK.',
      strengths: '',
      limits: '',
      proposals: '',
    },
  });
  await board.both('16-bao-cao-khoi', `/reports/${blocReport.id}/document`);

  if (render) renderAll();
}

/** DOCX through LibreOffice, then every PDF (ours and LibreOffice's) to PNG at 80 dpi. */
function renderAll() {
  const png = join(out, 'png');
  const viaLibreOffice = join(out, 'libreoffice');
  mkdirSync(png, { recursive: true });
  mkdirSync(viaLibreOffice, { recursive: true });
  const docx = readdirSync(out).filter((file) => file.endsWith('.docx'));
  execFileSync(
    'soffice',
    ['--headless', '--convert-to', 'pdf', '--outdir', viaLibreOffice, ...docx.map((file) => join(out, file))],
    {
      stdio: 'inherit',
    },
  );
  const pdfs = [
    ...readdirSync(out)
      .filter((file) => file.endsWith('.pdf'))
      .map((file) => ({ path: join(out, file), stem: `${file.slice(0, -4)}-pdf` })),
    ...readdirSync(viaLibreOffice).map((file) => ({
      path: join(viaLibreOffice, file),
      stem: `${file.slice(0, -4)}-docx`,
    })),
  ];
  for (const { path, stem } of pdfs) execFileSync('pdftoppm', ['-png', '-r', '80', path, join(png, stem)]);
  console.log(`PNG pages in ${png}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
