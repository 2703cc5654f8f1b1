/**
 * The seed's two "BẢN TỰ PHÊ BÌNH" templates, word for word: their headings and the guidance under
 * each, which a blank form prints and a filled report replaces with the member's text. The two
 * templates differ in small ways (commas, `số`, the duties heading); each keeps its own wording.
 */

export type SelfCriticismTemplateId = 'with_office' | 'without_office';

type Section =
  | 'politicalIdeology'
  | 'ethicsLifestyle'
  | 'duties'
  | 'discipline'
  | 'remedying'
  | 'shortcomings'
  | 'remedies';

export interface SelfCriticismTemplate {
  subject: string;
  note: string;
  /** The seed prints `ĐẢNG BỘ.....` / `CHI BỘ.....` on the form without office only. */
  organizationLines: boolean;
  preamble: string;
  headings: Record<'politicalIdeology' | 'ethicsLifestyle' | 'duties' | 'discipline' | 'remedying', string>;
  guidance: Record<Section, string[]>;
}

export const SELF_CRITICISM_KIND = 'BẢN TỰ PHÊ BÌNH';

export const SELF_CRITICISM_HEADINGS = {
  strengths: 'I- VỀ ƯU ĐIỂM',
  shortcomings: 'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
  remedies: 'III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC (*nêu phương hướng, biện pháp chính*)',
  committeeComment: 'NHẬN XÉT CỦA CẤP ỦY',
  signer: 'NGƯỜI TỰ PHÊ',
} as const;

const SELF_TRANSFORMATION =
  '- Trách nhiệm trong việc đấu tranh, phòng chống suy thoái về tư tưởng chính trị, đạo đức lối sống, những biểu hiện “*tự diễn biến*”, “*tự chuyển hóa*” trong nội bộ; thực hiện cam kết không có biểu hiện suy thoái “*tự diễn biến*”, “*tự chuyển hóa*”.';
const STANCE =
  '- Quan điểm lập trường; việc chấp hành đường lối, chỉ thị, nghị quyết của Đảng, chính sách pháp luật Nhà nước của bản thân và gia đình.';
const SERVING_PEOPLE =
  '- Tinh thần thái độ phục vụ nhân dân (*có chịu khó, lắng nghe, cầu thị, quan tâm giải quyết đến nơi, đến chốn các đề nghị, nhu cầu bức xúc của nhân dân*).';
const LOCAL_RULES =
  '- Việc chấp hành các quy định của địa phương đối với bản thân và gia đình; ý thức nêu gương của bản thân và gia đình.';

function withOffice(year: number): SelfCriticismTemplate {
  return {
    subject: `trước quần chúng cơ quan, đơn vị, doanh nghiệp năm ${year}`,
    note: '(Đối với đảng viên có chức vụ)',
    organizationLines: false,
    preamble:
      'Với trách nhiệm là đảng viên và nhiệm vụ được phân công, qua một năm công tác tôi nghiêm túc tự phê bình bản thân, tự nhận thấy mình có những ưu điểm, hạn chế như sau:',
    headings: {
      politicalIdeology: '1. Tư tưởng chính trị',
      ethicsLifestyle: '2. Phẩm chất, đạo đức, lối sống',
      duties: '3. Thực hiện chức trách, nhiệm vụ được giao',
      discipline: '4. Ý thức tổ chức, kỷ luật',
      remedying:
        '5. Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị, doanh nghiệp (nếu có).',
    },
    guidance: {
      politicalIdeology: [
        STANCE,
        SELF_TRANSFORMATION,
        '- Việc thực hiện dân chủ ở cơ sở; việc thực hành tiết kiệm, chống lãng phí, tham nhũng và các hành vi lợi dụng chức quyền để trục lợi.',
      ],
      ethicsLifestyle: [
        '- Việc tu dưỡng, rèn luyện phẩm chất đạo đức lối sống;',
        '- Việc thực hiện dân chủ ở cơ sở; việc thực hành tiết kiệm, chống lãng phí, tham nhũng và các hành vi lợi dụng chức quyền để trục lợi.',
        `- Kết quả học tập và làm theo chuyên đề năm ${year} theo tinh thần Chỉ thị số 05-CT/TW của Bộ Chính trị.`,
        LOCAL_RULES,
      ],
      duties: [
        '- Kết quả lãnh đạo, điều hành thực hiện nhiệm vụ theo chức danh công tác; việc quy tụ, đoàn kết nội bộ; thái độ công tâm, khách quan và sự tín nhiệm của cán bộ, đảng viên và quần chúng cơ quan, đơn vị, doanh nghiệp.',
        '- Kết quả, mức độ hoàn thành nhiệm vụ được giao.',
        SERVING_PEOPLE,
      ],
      discipline: [
        '- Việc chấp hành quy định, nội quy, quy chế cơ quan, đơn vị, doanh nghiệp.',
        '- Chấp hành quy định những điều đảng viên không được làm.',
      ],
      remedying: [],
      shortcomings: [
        '- Nêu đầy đủ, cụ thể những khuyết điểm, hạn chế theo các nội dung trên',
        '- Nguyên nhân khuyết điểm, hạn chế',
      ],
      remedies: [],
    },
  };
}

function withoutOffice(year: number): SelfCriticismTemplate {
  return {
    subject: `trước quần chúng cơ quan, đơn vị, doanh nghiệp năm ${year}`,
    note: '(dùng cho đảng viên không có chức vụ)',
    organizationLines: true,
    preamble:
      'Với trách nhiệm là đảng viên và nhiệm vụ được phân công, qua một năm công tác tôi nghiêm túc tự phê bình bản thân và tự nhận thấy mình có những ưu điểm, hạn chế như sau:',
    headings: {
      politicalIdeology: '1. Tư tưởng chính trị',
      ethicsLifestyle: '2. Phẩm chất đạo đức, lối sống',
      duties: '3. Thực hiện nhiệm vụ được giao:',
      discipline: '4. Ý thức tổ chức, kỷ luật',
      remedying:
        '5. Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị (nếu có).',
    },
    guidance: {
      politicalIdeology: [
        STANCE,
        SELF_TRANSFORMATION,
        '- Việc thực hành tiết kiệm, chống lãng phí, tham nhũng và các hành vi lợi dụng chức quyền để trục lợi.',
      ],
      ethicsLifestyle: [
        '- Việc tu dưỡng, rèn luyện phẩm chất đạo đức lối sống;',
        '- Việc chấp hành và thực hiện dân chủ ở cơ sở; việc thực hành tiết kiệm, chống lãng phí, tham nhũng và các hành vi lợi dụng chức quyền để trục lợi.',
        `- Kết quả học tập và làm theo chuyên đề hàng năm ${year} theo tinh thần Chỉ thị 05-CT/TW của Bộ Chính trị.`,
        LOCAL_RULES,
      ],
      duties: [
        '- Kết quả thực hiện nhiệm vụ được giao và sự tin nhiệm của cán bộ, đảng viên và quần chúng cơ quan, đơn vị, doanh nghiệp.',
        '- Kết quả, mức độ hoàn thành nhiệm vụ được giao.',
        SERVING_PEOPLE,
      ],
      discipline: [
        '- Việc chấp hành quy định, nội quy, quy chế cơ quan, đơn vị, doanh nghiệp;',
        '- Chấp hành quy định những điều đảng viên không được làm;',
      ],
      remedying: [],
      shortcomings: [
        '- Nêu đầy đủ, cụ thể những khuyết điểm, hạn chế theo các nội dung trên;',
        '- Nguyên nhân khuyết điểm, hạn chế;',
      ],
      remedies: [],
    },
  };
}

/** The template of the seed for the member's case, with the plan's year where the seed has 2020. */
export function selfCriticismTemplate(id: SelfCriticismTemplateId, year: number): SelfCriticismTemplate {
  return id === 'with_office' ? withOffice(year) : withoutOffice(year);
}
