import type { MinutesContent, MinutesOpinion } from '../domain/minutes.js';
import { zeroFigures } from '../domain/report-figures.js';
import { buildCompilationDocument, type CompilationDocumentInput } from './compilation-document.js';
import { buildFeedbackForms } from './feedback-form-document.js';
import { buildMinutesDocument, type MinutesDocumentInput } from './minutes-document.js';
import type { PartyDocument } from './party-document.js';
import { buildPlanDocument, type PlanDocumentInput } from './plan-document.js';
import { buildRemediationDocument, type RemediationDocumentInput } from './remediation-document.js';
import { buildReportDocument, type ReportDocumentInput } from './report-document.js';
import {
  blankSelfCriticismInput,
  buildSelfCriticismDocument,
  type SelfCriticismContent,
  type SelfCriticismDocumentInput,
} from './self-criticism-document.js';
import type { SelfCriticismTemplateId } from './self-criticism-template.js';
import { buildSummaryListDocument, type SummaryListDocumentInput } from './summary-list-document.js';

/** Plan 03-KH/ĐUK of the seed, as entered: for tests and for demo data. */
export function seedPlanInput(): PlanDocumentInput {
  return {
    superiorName: 'ĐẢNG BỘ TỈNH TRÀ VINH',
    issuerName: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
    number: '03',
    symbol: 'KH/ĐUK',
    place: 'Trà Vinh',
    issuedOn: '2020-10-21',
    title:
      'thực hiện đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình\ntrước quần chúng trong cơ quan, đơn vị, doanh nghiệp',
    preamble:
      'Thực hiện Quy định số 3054-QĐ/TU, ngày 27/11/2017 của Ban Thường vụ Tỉnh ủy “Về việc đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng nhân dân”. Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng trong cơ quan, đơn vị, doanh nghiệp (gọi tắt là quần chúng), cụ thể như sau:',
    purposes: [
      '- Cấp ủy chi bộ, đảng bộ cần quán triệt cho đảng viên và quần chúng nhận thức sâu sắc về mục đích, yêu cầu, ý nghĩa của công tác tự phê bình và phê bình, xem đây là nguyên tắc, là quy luật phát triển của Đảng, phải được tiến hành thường xuyên, nghiêm túc, tổ chức chặt chẽ, hiệu quả, kịp thời, tạo được mối quan hệ gắn gũi giữa cán bộ, đảng viên và quần chúng.',
      '- Tự phê bình và phê bình trước quần chúng nhằm nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và đảng viên, phát huy vai trò của quần chúng trong đóng góp xây dựng Đảng. Qua đó, giúp cho các cấp ủy, tổ chức đảng, đảng viên, phát huy ưu điểm, khắc phục khuyết điểm, hạn chế, phấn đấu hoàn thành tốt nhiệm vụ được giao.',
      '- Kết quả việc thực hiện công tác đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng là tiêu chí để xét thi đua, khen thưởng và bình xét, phân loại tổ chức cơ sở đảng, cán bộ, đảng viên cuối năm.',
    ].join('\n'),
    subjects:
      'Cấp ủy viên, đảng viên công tác ở cơ quan, đơn vị, doanh nghiệp; chi ủy đại diện tham dự (những cơ quan, đơn vị, doanh nghiệp có dưới 05 quần chúng không tổ chức tự phê bình và phê bình; có từ 05 quần chúng trở lên phải tổ chức để đảng viên tự phê bình và phê bình trước quần chúng).',
    participants:
      'Tất cả các quần chúng (*biên chế, hợp đồng dài hạn; không tính số quần chúng hợp đồng ngắn hạn và công nhân trong bộ phận theo dây chuyền sản xuất*) đang công tác, làm việc tại cơ quan, đơn vị, doanh nghiệp.',
    timeRules:
      'Tổ chức tự phê bình và phê bình khoảng 01 buổi, tùy tình hình thực tế tại cơ quan, đơn vị, doanh nghiệp có thể kéo dài hơn nhưng không quá 01 ngày.',
    placeRules: 'Thực hiện tại nơi sinh hoạt hoặc nơi được phân công phụ trách.',
    contentAreas: [
      'Tư tưởng chính trị.',
      'Phẩm chất, đạo đức, lối sống.',
      'Thực hiện chức trách, nhiệm vụ được phân công.',
      'Ý thức tổ chức kỷ luật.',
    ],
    annualTheme: [
      'Cấp ủy viên, đảng viên nghiêm túc tự phê bình, đánh giá nhận diện những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “*tự diễn biến*”, “*tự chuyển hóa*” theo tinh thần Nghị quyết Trung ương 4 khóa XII (*được Ban Thường vụ Tỉnh ủy cụ thể thành 82 biểu hiện*); kết quả khắc phục và việc thực hiện cam kết không có biểu hiện suy thoái, “*tự diễn biến*”, “*tự chuyển hóa*”; kết quả thực hiện việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, chuyên đề năm 2020.',
      'Từng cá nhân chuẩn bị 01 bản tự phê bình và thực hiện tự phê bình và phê bình trước quần chúng theo từng vị trí, vai trò đang đảm nhiệm; bản tự phê cá nhân viết ngắn gọn, cụ thể, dễ hiểu, dễ góp ý, bảo đảm đầy đủ nội dung theo hướng dẫn, tránh lý luận chung chung (*theo mẫu đính kèm*).',
    ].join('\n'),
    manifestations: [],
    methods: [
      '- Cấp ủy viên, đảng viên gửi bản tự phê bình cho đại diện cấp ủy chi bộ tóm tắt những ưu điểm, khuyết điểm chính để thông qua quần chúng tham gia đóng góp ý kiến. Hình thức góp ý: Góp ý trực tiếp hoặc cần thiết quần chúng ghi ý kiến bằng văn bản và gửi lại cho thư ký tại cuộc họp.',
      '- Đối tượng tự phê bình và phê bình phải có mặt khi tổ chức tự phê bình, vắng mặt phải có lý do chính đáng (*đảng viên vắng mặt, cấp ủy tiếp thu thông báo ý kiến lại cho đảng viên*).',
      '- Cử thư ký ghi biên bản bảo đảm chính xác, đầy đủ nội dung góp ý.',
      '- Kết thúc công tác đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng, cấp ủy, chi bộ tổng hợp đầy đủ các ý kiến đóng góp của quần chúng (*kể cả các ý kiến đóng góp trái chiều*), xác định rõ ý kiến thuộc trách nhiệm của tập thể hay cá nhân, trên cơ sở đó chỉ đạo xây dựng kế hoạch khắc phục, sửa chữa những khuyết điểm, hạn chế cụ thể ghi rõ thời gian khắc phục để cấp ủy, chi bộ và quần chúng kiểm tra, giám sát.',
    ].join('\n'),
    implementation: [
      '1. Cấp ủy các chi bộ, đảng bộ cơ sở căn cứ Kế hoạch này tổ chức triển khai, thực hiện (*đối với đảng ủy cơ sở cụ thể hóa xây dựng kế hoạch chỉ đạo các chi bộ trực thuộc phù hợp với tình hình đơn vị*); tổ chức đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng đóng góp và tổng hợp ý kiến đóng góp của quần chúng để thông báo cho đảng viên biết tại cuộc sinh hoạt chi bộ gần nhất hoặc tại cuộc họp kiểm điểm, đánh giá chất lượng đảng viên cuối năm.',
      '2. Cấp ủy các chi bộ, đảng bộ cơ sở phối hợp với các đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối phụ trách tổ chức cơ sở đảng để chỉ đạo thực hiện đạt yêu cầu, nội dung và thời gian theo kế hoạch. Thời gian hoàn thành việc tự phê bình và phê bình đến hết ngày {meetingsDueOn}, cấp ủy cơ sở báo cáo về Ban Thường vụ Đảng ủy Khối (*qua Ban Tổ chức Đảng ủy Khối*) chậm nhất đến hết ngày {baseReportsDueOn}.',
      '3. Giao Ban Tổ chức Đảng ủy Khối tham mưu, giúp Ban Thường vụ Đảng ủy Khối theo dõi việc tổ chức thực hiện; tổng hợp báo cáo kịp thời cho Ban Thường vụ Đảng ủy Khối và báo cáo về trên chậm nhất ngày {upwardReportDueOn}.',
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, cấp ủy các chi bộ, đảng bộ cơ sở phản ánh kịp thời về Ban Thường vụ Đảng ủy Khối (*qua Ban Tổ chức Đảng ủy Khối*) để có ý kiến chỉ đạo.',
    ].join('\n'),
    recipients: [
      'Ban Tổ chức Tỉnh ủy (b/c)',
      'Các đồng chí UVBCH Đảng bộ Khối',
      'Các chi bộ, đảng bộ cơ sở',
      'Ban Tổ chức Đảng ủy',
      'Lưu Văn phòng Đảng ủy',
    ],
    signingCapacity: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'BÍ THƯ',
    signerName: 'Nguyễn Văn Tám',
    meetingsDueOn: '2020-11-15',
    baseReportsDueOn: '2020-11-20',
    upwardReportDueOn: '2020-11-30',
  };
}

const SELF_CRITICISM_CONTENT: SelfCriticismContent = {
  politicalIdeology:
    '- Luôn kiên định lập trường, chấp hành nghiêm đường lối, chỉ thị, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước; vận động gia đình thực hiện tốt.\n- Không có biểu hiện suy thoái về tư tưởng chính trị, “*tự diễn biến*”, “*tự chuyển hóa*”.',
  ethicsLifestyle:
    '- Giữ gìn phẩm chất đạo đức, lối sống giản dị, trung thực; thực hành tiết kiệm, không lãng phí.\n- Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, chuyên đề năm 2020 bằng việc làm cụ thể tại đơn vị.',
  duties:
    '- Hoàn thành tốt nhiệm vụ được giao; tham mưu kịp thời, giải quyết hồ sơ đúng hạn 98%.\n- Thái độ phục vụ nhân dân tận tình, lắng nghe ý kiến phản ánh.',
  discipline: '- Chấp hành nghiêm nội quy, quy chế cơ quan và những điều đảng viên không được làm.',
  remedying:
    'Đã khắc phục việc chậm nộp báo cáo định kỳ: năm 2020 nộp đúng hạn 11/12 kỳ. Đã thực hiện lời hứa niêm yết công khai thủ tục tại bộ phận một cửa.',
  shortcomings:
    '- Có lúc chưa mạnh dạn góp ý đồng nghiệp trong sinh hoạt.\n- Nguyên nhân: ngại va chạm, chưa chủ động nghiên cứu văn bản mới.',
  remedies:
    '- Thẳng thắn góp ý trong sinh hoạt chi bộ và cơ quan.\n- Dành ít nhất 02 giờ mỗi tuần nghiên cứu văn bản mới của ngành.',
};

/** A member's report on the seed's template, filled as a member would write it, or left blank. */
export function seedSelfCriticismInput(
  template: SelfCriticismTemplateId,
  filled: boolean,
): SelfCriticismDocumentInput {
  const withOffice = template === 'with_office';
  const blank = blankSelfCriticismInput(template, 'Trà Vinh', 2020);
  if (!filled) return blank;
  return {
    ...blank,
    organizationLines: { superior: 'ĐẢNG BỘ SỞ TƯ PHÁP', issuer: 'CHI BỘ VĂN PHÒNG SỞ' },
    cellName: 'Chi bộ Văn phòng Sở',
    date: '2020-11-05',
    fullName: withOffice ? 'Trần Thị Ngọc Hân' : 'Lê Văn Phước',
    birthDate: withOffice ? '1978-03-14' : '1990-09-02',
    partyOffice: withOffice ? 'Phó Bí thư Chi bộ' : '',
    governmentOffice: withOffice ? 'Chánh Văn phòng Sở' : '',
    workplaceName: 'Văn phòng Sở Tư pháp tỉnh Trà Vinh',
    assignedDuty: withOffice ? '' : 'Chuyên viên bộ phận tiếp nhận và trả kết quả',
    content: { ...SELF_CRITICISM_CONTENT },
    carriedOver: [
      'Chậm nộp báo cáo định kỳ',
      'Hứa niêm yết công khai thủ tục hành chính tại bộ phận một cửa',
    ],
    manifestations: { none: true, items: [] },
    committeeComment: withOffice
      ? 'Đồng chí tự phê bình nghiêm túc, đúng nội dung; cấp ủy thống nhất với bản tự phê bình.'
      : '',
    signerName: withOffice ? 'Trần Thị Ngọc Hân' : 'Lê Văn Phước',
  };
}

/** The list a cell committee presents at the meeting of a workplace (seed II.5). */
export function seedSummaryListInput(): SummaryListDocumentInput {
  return {
    organizationLines: { superior: 'ĐẢNG BỘ SỞ TƯ PHÁP', issuer: 'CHI BỘ VĂN PHÒNG SỞ' },
    place: 'Trà Vinh',
    date: '2020-11-10',
    year: 2020,
    workplaceName: 'Văn phòng Sở Tư pháp tỉnh Trà Vinh',
    members: [
      {
        fullName: 'Trần Thị Ngọc Hân',
        duty: 'Phó Bí thư Chi bộ, Chánh Văn phòng Sở',
        strengths:
          '- Lập trường vững vàng, lối sống giản dị.\n- Điều hành Văn phòng hoàn thành tốt nhiệm vụ.',
        shortcomings: '- Có lúc chưa mạnh dạn góp ý đồng nghiệp.',
      },
      {
        fullName: 'Lê Văn Phước',
        duty: 'Chuyên viên bộ phận tiếp nhận và trả kết quả',
        strengths: '- Giải quyết hồ sơ đúng hạn 98%.\n- Thái độ phục vụ nhân dân tận tình.',
        shortcomings: '- Chậm nghiên cứu văn bản mới của ngành.',
      },
      {
        fullName: 'Nguyễn Thị Bích Thủy',
        duty: 'Kế toán',
        strengths: '- Quản lý tài chính đúng quy định, công khai, minh bạch.',
        shortcomings: '- Báo cáo quyết toán quý III còn chậm.',
      },
    ],
    signingCapacity: 'T/M Chi ủy',
    signerTitle: 'Bí thư',
    signerName: 'Phạm Minh Tâm',
  };
}

/** The minutes of a meeting at Văn phòng Sở Y tế: one member summarized, one not yet. */
export function seedMinutesInput(locked: boolean): MinutesDocumentInput {
  const opinion = (text: string, dissenting = false): MinutesOpinion => ({
    channel: 'oral',
    area: 'duties',
    kind: 'shortcoming',
    text,
    speaker: dissenting ? 'Bà Trần Thị Mai' : null,
    dissenting,
  });
  const content: MinutesContent = {
    number: locked ? '05' : undefined,
    workplaceName: 'Văn phòng Sở Y tế',
    organizationName: 'Chi bộ Văn phòng Sở Y tế',
    year: 2020,
    date: '2020-11-10',
    startTime: '08:00',
    endTime: '11:05',
    place: 'Hội trường Sở Y tế',
    chairName: 'Nguyễn Văn Tám',
    secretaryName: 'Phạm Thị Thư',
    delegates: ['Đồng chí Lê Văn Khối, Ủy viên Ban Thường vụ Đảng ủy Khối'],
    openingRemarks: 'Đồng chí chủ trì tuyên bố lý do theo Kế hoạch số 03-KH/ĐUK ngày 21/10/2020.',
    counts: {
      members: 2,
      present: 1,
      absent: [{ fullName: 'Trần Thị Chín', reason: 'Đi công tác', reasonValid: true }],
      massesPresent: 12,
      massesPresentNames: [],
    },
    members: [
      {
        selfCriticismId: 'a',
        fullName: 'Nguyễn Văn Tám',
        duties: 'Giám đốc Sở, Bí thư Chi bộ',
        strengths: 'Gương mẫu, chấp hành Quy định số 3054-QĐ/TU ngày 27/11/2017.',
        shortcomings: 'Giải quyết hồ sơ còn chậm.',
        opinions: [
          opinion(
            'Hồ sơ trễ hẹn so với Quyết định số 1085-QĐ/UBND ngày 15/6/2020, đề nghị đồng chí khắc phục.',
          ),
          opinion('Không chậm: hồ sơ tồn là do thiếu người.', true),
        ],
        response: 'Xin tiếp thu và khắc phục.',
      },
      {
        selfCriticismId: 'b',
        fullName: 'Trần Thị Chín',
        duties: '',
        strengths: '',
        shortcomings: '',
        opinions: [],
        response: '',
      },
    ],
    collective: { opinions: [], response: '' },
    otherMatters: '',
    closingRemarks: 'Buổi họp kết thúc tốt đẹp.',
  };
  return {
    content,
    superiorName: 'ĐẢNG BỘ SỞ Y TẾ',
    issuerName: 'CHI BỘ VĂN PHÒNG SỞ Y TẾ',
    shortName: 'CB',
    recipients: ['Đảng ủy Sở Y tế (b/c)', 'Lưu chi bộ'],
    placeName: 'Trà Vinh',
    chair: { name: 'Nguyễn Văn Tám' },
    secretary: { name: 'Phạm Thị Thư' },
    massesRepresentative: { name: locked ? 'Võ Văn Quần' : '' },
    locked: locked ? { contentHash: 'a'.repeat(64), lockedAt: '2020-11-10T04:10:00Z' } : null,
    addenda: locked
      ? [
          {
            text: 'Đính chính tên đại biểu.',
            createdAt: '2020-11-11T02:00:00Z',
            createdByName: 'Phạm Thị Thư',
          },
        ]
      : [],
  };
}

/** The compilation of that meeting, closed as Số 07-BC/CB or still a draft. */
export function seedCompilationInput(final: boolean): CompilationDocumentInput {
  return {
    superiorName: 'ĐẢNG BỘ SỞ Y TẾ',
    issuerName: 'CHI BỘ VĂN PHÒNG SỞ Y TẾ',
    committeeName: 'Chi bộ Văn phòng Sở Y tế',
    shortName: 'CB',
    number: final ? '07' : '',
    recipients: ['Đảng ủy Sở Y tế (b/c)', 'Lưu chi bộ'],
    placeName: 'Trà Vinh',
    date: '2020-11-12',
    meetingDate: '2020-11-10',
    year: 2020,
    workplaceName: 'Văn phòng Sở Y tế',
    final,
    targets: [
      {
        name: 'Tập thể chi bộ',
        collective: true,
        areas: [
          {
            area: 'proposals',
            points: [
              {
                kind: 'proposal',
                text: 'Chi bộ công khai tiến độ giải quyết hồ sơ theo Chỉ thị số 05-CT/TW.',
                dissenting: false,
                responsibility: 'collective',
                responsibleName: null,
                conclusion: 'accepted',
                explanation: null,
                opinionCount: 2,
              },
            ],
          },
        ],
      },
      {
        name: 'Nguyễn Văn Tám',
        collective: false,
        areas: [
          {
            area: 'duties',
            points: [
              {
                kind: 'shortcoming',
                text: 'Giải quyết hồ sơ còn chậm, có hồ sơ trễ hẹn so với Quyết định số 1085-QĐ/UBND.',
                dissenting: true,
                responsibility: 'individual',
                responsibleName: 'Nguyễn Văn Tám',
                conclusion: 'explained',
                explanation: 'Do thiếu người từ ngày 01/9/2020.',
                opinionCount: 3,
              },
            ],
          },
        ],
      },
    ],
  };
}

export function seedRemediationInput(): RemediationDocumentInput {
  return {
    superiorName: 'ĐẢNG BỘ SỞ Y TẾ',
    issuerName: 'CHI BỘ VĂN PHÒNG SỞ Y TẾ',
    shortName: 'CB',
    recipients: ['Đảng ủy Sở Y tế (b/c)', 'Lưu chi bộ'],
    place: 'Trà Vinh',
    date: '2020-11-20',
    year: 2020,
    workplaceName: 'Văn phòng Sở Y tế',
    items: [
      {
        action: 'Giải quyết hồ sơ đúng hạn theo Quyết định số 1085-QĐ/UBND, báo cáo chi bộ hằng tháng.',
        responsibleName: 'Nguyễn Văn Tám',
        deadline: '2020-12-31',
        statusLabel: 'Đang thực hiện',
      },
      {
        action: 'Niêm yết tiến độ giải quyết hồ sơ tại trụ sở.',
        responsibleName: 'Chi bộ Văn phòng Sở Y tế',
        deadline: '2020-11-30',
        statusLabel: 'Đã hoàn thành',
      },
    ],
  };
}

export function seedReportInput(): ReportDocumentInput {
  const figures = zeroFigures();
  figures.workplacesRequired = 3;
  figures.workplacesHeld = 3;
  figures.membersSelfCriticized = 17;
  figures.opinions = 25;
  figures.opinionsByChannel.oral = 21;
  figures.opinionsByChannel.phone = 4;
  return {
    superiorName: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
    issuerName: 'ĐẢNG ỦY SỞ Y TẾ',
    shortName: 'ĐU',
    organizationKind: 'base',
    place: 'Trà Vinh',
    submittedOn: '2020-11-19',
    year: 2020,
    recipients: ['Đảng ủy Khối các cơ quan và doanh nghiệp (b/c)', 'Lưu Văn phòng Đảng ủy'],
    figures,
    narrative: {
      results:
        'Thực hiện Kế hoạch số 03-KH/ĐUK ngày 21/10/2020 của Ban Thường vụ Đảng ủy Khối, Đảng bộ đã tổ chức 3 buổi tự phê bình và phê bình trước quần chúng, hoàn thành trước ngày 15/11/2020.',
      strengths: '',
      limits: '',
      proposals: '',
    },
    children: [
      {
        organizationName: 'Chi bộ Văn phòng Sở Y tế',
        dueOn: '2020-11-17',
        submittedOn: '2020-11-18',
        state: 'late',
      },
      { organizationName: 'Chi bộ Bệnh viện', dueOn: '2020-11-17', submittedOn: null, state: 'missing' },
    ],
  };
}

/** Every kind of party document, blank and filled, draft and final: what the render tests walk. */
export function everyDocument(): { name: string; document: PartyDocument | PartyDocument[] }[] {
  const plan = seedPlanInput();
  return [
    { name: 'plan', document: buildPlanDocument({ ...plan, manifestations: ['Biểu hiện thứ nhất.'] }) },
    {
      name: 'plan draft',
      document: buildPlanDocument({ ...plan, draft: true, number: '', issuedOn: null }),
    },
    ...(['with_office', 'without_office'] as const).flatMap((template) => [
      {
        name: `self-criticism ${template} blank`,
        document: buildSelfCriticismDocument(seedSelfCriticismInput(template, false)),
      },
      {
        name: `self-criticism ${template} filled`,
        document: buildSelfCriticismDocument(seedSelfCriticismInput(template, true)),
      },
    ]),
    { name: 'summary list', document: buildSummaryListDocument(seedSummaryListInput()) },
    { name: 'feedback forms', document: buildFeedbackForms('Trà Vinh', 2020, ['Nguyễn Văn Tám', '']) },
    { name: 'minutes draft', document: buildMinutesDocument(seedMinutesInput(false)) },
    { name: 'minutes signed', document: buildMinutesDocument(seedMinutesInput(true)) },
    { name: 'compilation draft', document: buildCompilationDocument(seedCompilationInput(false)) },
    { name: 'compilation final', document: buildCompilationDocument(seedCompilationInput(true)) },
    { name: 'remediation plan', document: buildRemediationDocument(seedRemediationInput()) },
    { name: 'report', document: buildReportDocument(seedReportInput()) },
  ];
}
