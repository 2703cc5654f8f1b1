import type { z } from 'zod';
import type { planTemplate } from '../../contract/plans.js';
import { partyOrganizationName } from '../../domain/party-header.js';
import { proposedDeadlines } from '../../domain/plans.js';
import type { OrganizationRow } from '../organizations/access.js';
import type { DocumentNames } from '../organizations/document-names.js';

type PlanTemplate = z.infer<typeof planTemplate>;

/**
 * A draft prefilled with the seed's plan (Số 03-KH/ĐUK) in full, its italic asides marked `*…*`, its
 * "Ban Thường vụ Đảng ủy Khối" replaced by the organization's own standing committee and its year's
 * theme by the plan's year, so a committee starts from the text the province uses. The deadlines
 * stand in IV.2 and IV.3 as `{meetingsDueOn}`…, printed as the plan's dates. The seed numbers its
 * parts I, II, IV: the document keeps that numbering.
 */
export function planTemplateFor(
  organization: OrganizationRow,
  names: DocumentNames,
  year: number,
  today: string,
): PlanTemplate {
  const { committeeName: committee } = names;
  const standing = `Ban Thường vụ ${committee}`;
  const board = `Ban Tổ chức ${committee}`;
  return {
    organizationId: organization.id,
    year,
    number: '',
    place: '',
    issuedOn: null,
    title:
      'thực hiện đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng trong cơ quan, đơn vị, doanh nghiệp',
    preamble: `Thực hiện Quy định số 3054-QĐ/TU, ngày 27/11/2017 của Ban Thường vụ Tỉnh ủy “Về việc đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng nhân dân”. ${standing} xây dựng kế hoạch đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng trong cơ quan, đơn vị, doanh nghiệp (gọi tắt là quần chúng), cụ thể như sau:`,
    purposes: [
      '- Cấp ủy chi bộ, đảng bộ cần quán triệt cho đảng viên và quần chúng nhận thức sâu sắc về mục đích, yêu cầu, ý nghĩa của công tác tự phê bình và phê bình, xem đây là nguyên tắc, là quy luật phát triển của Đảng, phải được tiến hành thường xuyên, nghiêm túc, tổ chức chặt chẽ, hiệu quả, kịp thời, tạo được mối quan hệ gần gũi giữa cán bộ, đảng viên và quần chúng.',
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
      `Cấp ủy viên, đảng viên nghiêm túc tự phê bình, đánh giá nhận diện những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “*tự diễn biến*”, “*tự chuyển hóa*” theo tinh thần Nghị quyết Trung ương 4 khóa XII (*được Ban Thường vụ Tỉnh ủy cụ thể thành 82 biểu hiện*); kết quả khắc phục và việc thực hiện cam kết không có biểu hiện suy thoái, “*tự diễn biến*”, “*tự chuyển hóa*”; kết quả thực hiện việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, chuyên đề năm ${year}.`,
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
      `2. Cấp ủy các chi bộ, đảng bộ cơ sở phối hợp với các đồng chí Ủy viên ${standing} phụ trách tổ chức cơ sở đảng để chỉ đạo thực hiện đạt yêu cầu, nội dung và thời gian theo kế hoạch. Thời gian hoàn thành việc tự phê bình và phê bình đến hết ngày {meetingsDueOn}, cấp ủy cơ sở báo cáo về ${standing} (*qua ${board}*) chậm nhất đến hết ngày {baseReportsDueOn}.`,
      `3. Giao ${board} tham mưu, giúp ${standing} theo dõi việc tổ chức thực hiện; tổng hợp báo cáo kịp thời cho ${standing} và báo cáo về trên chậm nhất ngày {upwardReportDueOn}.`,
      `Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, cấp ủy các chi bộ, đảng bộ cơ sở phản ánh kịp thời về ${standing} (*qua ${board}*) để có ý kiến chỉ đạo.`,
    ].join('\n'),
    // The seed's list, each level named from the tree: the board above, the committee's own members,
    // the organizations it directs, its board, its archive.
    recipients: [
      names.parentCommitteeName
        ? `Ban Tổ chức ${names.parentCommitteeName} (b/c)`
        : 'Ban Tổ chức cấp trên (b/c)',
      `Các đồng chí Ủy viên Ban Chấp hành ${partyOrganizationName(organization)}`,
      'Các chi bộ, đảng bộ cơ sở',
      board,
      names.archive,
    ],
    signingCapacity: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'BÍ THƯ',
    signerName: '',
    // Seed IV.2–IV.3: meetings by 15/11, base committees report by 20/11, upward by 30/11; later
    // dates with the same spacing once those are past (issue 11).
    ...proposedDeadlines(year, today),
  };
}
