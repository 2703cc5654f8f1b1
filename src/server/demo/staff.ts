import type { people } from '../../db/schema/index.js';
import type { EmploymentType, Gender } from '../../domain/employment.js';
import { foldVietnamese } from '../../domain/text.js';
import { birthDate, personName, pick, type Random } from './names.js';
import type { Sector, WorkplaceSpec } from './tree.js';

export type PersonRow = typeof people.$inferInsert & { id: string };

const MEMBER_TITLES: Record<Sector, readonly string[]> = {
  agency: ['Chuyên viên', 'Chuyên viên chính', 'Chuyên viên'],
  health: ['Bác sĩ', 'Dược sĩ', 'Chuyên viên', 'Bác sĩ chuyên khoa I'],
  school: ['Giáo viên', 'Giáo viên', 'Giáo viên chủ nhiệm'],
  enterprise: ['Kỹ sư', 'Nhân viên kỹ thuật', 'Kế toán viên'],
};

const DUTIES: Record<Sector, readonly string[]> = {
  agency: [
    'Phụ trách công tác văn thư, lưu trữ',
    'Theo dõi công tác thi đua, khen thưởng',
    'Quản lý hồ sơ cán bộ, công chức',
    'Theo dõi công tác cải cách hành chính',
    'Tiếp nhận và trả kết quả thủ tục hành chính',
    'Phụ trách công tác kế toán, tài sản',
    'Tổng hợp, xây dựng báo cáo định kỳ',
  ],
  health: [
    'Theo dõi công tác phòng, chống dịch bệnh',
    'Thẩm định hồ sơ cấp chứng chỉ hành nghề',
    'Quản lý hành nghề y, dược tư nhân',
    'Theo dõi chương trình tiêm chủng mở rộng',
    'Giám sát an toàn thực phẩm',
  ],
  school: [
    'Giảng dạy môn Toán, chủ nhiệm lớp 11',
    'Giảng dạy môn Ngữ văn',
    'Giảng dạy môn Hóa học, bồi dưỡng học sinh giỏi',
    'Giảng dạy môn Tiếng Anh',
    'Phụ trách công tác Đoàn Thanh niên',
  ],
  enterprise: [
    'Vận hành, bảo dưỡng trạm bơm',
    'Quản lý mạng lưới đường ống',
    'Theo dõi chất lượng nước sạch',
    'Phụ trách ghi thu tiền nước',
    'Lập kế hoạch sản xuất, kinh doanh',
  ],
};

const MASSES_TITLES: Record<Sector, Record<EmploymentType, readonly string[]>> = {
  agency: {
    permanent: ['Chuyên viên', 'Chuyên viên', 'Cán sự', 'Kế toán viên', 'Văn thư', 'Thủ quỹ'],
    long_term: ['Nhân viên hợp đồng', 'Lái xe', 'Nhân viên kỹ thuật', 'Bảo vệ'],
    short_term: ['Nhân viên tạp vụ', 'Nhân viên phục vụ'],
    line_worker: ['Công nhân'],
  },
  health: {
    permanent: ['Bác sĩ', 'Y sĩ', 'Điều dưỡng', 'Kỹ thuật viên xét nghiệm', 'Dược sĩ', 'Chuyên viên'],
    long_term: ['Điều dưỡng', 'Hộ lý', 'Lái xe', 'Nhân viên kỹ thuật'],
    short_term: ['Nhân viên tạp vụ', 'Bảo vệ'],
    line_worker: ['Công nhân'],
  },
  school: {
    permanent: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Nhân viên thư viện', 'Kế toán viên'],
    long_term: ['Nhân viên thiết bị', 'Nhân viên y tế học đường', 'Bảo vệ'],
    short_term: ['Nhân viên tạp vụ', 'Giáo viên thỉnh giảng'],
    line_worker: ['Công nhân'],
  },
  enterprise: {
    permanent: ['Nhân viên'],
    long_term: ['Nhân viên kinh doanh', 'Kỹ thuật viên', 'Kế toán viên', 'Nhân viên thu tiền nước'],
    short_term: ['Nhân viên thời vụ', 'Nhân viên đọc chỉ số đồng hồ nước'],
    line_worker: ['Công nhân vận hành máy bơm', 'Công nhân xử lý nước', 'Công nhân lắp đặt đường ống'],
  },
};

export interface Staff {
  rows: PersonRow[];
  /** Person ids by the tags of the workplace spec, for the demo accounts. */
  tagged: Map<string, string>;
}

interface Context {
  random: Random;
  takenNames: Set<string>;
  workplaceId: string;
  cellId: string;
}

/** The roster of one workplace: officers, members without office, then masses by employment type. */
export function buildStaff(spec: WorkplaceSpec, context: Context): Staff {
  const rows: PersonRow[] = [];
  const tagged = new Map<string, string>();
  const memberEmployment: EmploymentType = spec.sector === 'enterprise' ? 'long_term' : 'permanent';
  const add = (fields: Omit<PersonRow, 'id' | 'code' | 'fullName' | 'nameSearch' | 'workplaceId'>) => {
    const gender: Gender = context.random() < 0.5 ? 'male' : 'female';
    const fullName = personName(context.random, gender, context.takenNames);
    const row: PersonRow = {
      id: crypto.randomUUID(),
      workplaceId: context.workplaceId,
      code: `${spec.codePrefix}-${String(rows.length + 1).padStart(3, '0')}`,
      fullName,
      nameSearch: foldVietnamese(fullName),
      gender,
      ...fields,
    };
    rows.push(row);
    return row.id;
  };

  for (const officer of spec.officers) {
    const id = add({
      birthDate: birthDate(context.random, 1966, 1982),
      jobTitle: officer.governmentOffice ?? pick(context.random, MEMBER_TITLES[spec.sector]),
      employmentType: memberEmployment,
      isPartyMember: true,
      organizationId: context.cellId,
      partyOffice: officer.partyOffice ?? '',
      governmentOffice: officer.governmentOffice ?? '',
      isCommitteeMember: officer.committee ?? false,
    });
    if (officer.tag) tagged.set(officer.tag, id);
  }
  for (let index = 0; index < spec.members; index++) {
    const id = add({
      birthDate: birthDate(context.random, 1972, 1996),
      jobTitle: pick(context.random, MEMBER_TITLES[spec.sector]),
      employmentType: memberEmployment,
      isPartyMember: true,
      organizationId: context.cellId,
      assignedDuty: DUTIES[spec.sector][index % DUTIES[spec.sector].length]!,
    });
    if (index === 0 && spec.memberTag) tagged.set(spec.memberTag, id);
  }
  for (const [employmentType, count] of Object.entries(spec.masses) as [EmploymentType, number][]) {
    for (let index = 0; index < count; index++) {
      const id = add({
        birthDate: birthDate(context.random, 1970, 2002),
        jobTitle: pick(context.random, MASSES_TITLES[spec.sector][employmentType]),
        employmentType,
        isPartyMember: false,
        organizationId: null,
      });
      if (index === 0 && spec.massesTag && !tagged.has(spec.massesTag)) tagged.set(spec.massesTag, id);
      else if (spec.secretaryTag && !tagged.has(spec.secretaryTag) && employmentType === 'permanent') {
        tagged.set(spec.secretaryTag, id);
      }
    }
  }
  return { rows, tagged };
}
