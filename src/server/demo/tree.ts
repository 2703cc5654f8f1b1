import type { EmploymentType } from '../../domain/employment.js';

/**
 * The demo organization, modelled on the seed (plan 03-KH/ĐUK): the bloc of agencies and
 * enterprises of Trà Vinh province with a few of its base organizations, their cells and the
 * workplaces where their members and masses work. Names are plausible, not real rosters.
 */
export interface OrganizationSpec {
  kind: string;
  name: string;
  shortName: string;
  children?: OrganizationSpec[];
  workplaces?: WorkplaceSpec[];
}

export type Sector = 'agency' | 'health' | 'school' | 'enterprise';

/** A party member holding an office: the self-criticism template "with office". */
export interface OfficerSpec {
  governmentOffice?: string;
  partyOffice?: string;
  committee?: boolean;
  /** Names the person for a demo account linked to it. */
  tag?: string;
}

export interface WorkplaceSpec {
  name: string;
  address: string;
  /** People's codes are `<prefix>-001`, unique within the workplace. */
  codePrefix: string;
  sector: Sector;
  officers: OfficerSpec[];
  /** Members without office: they self-criticize on the template "without office". */
  members: number;
  masses: Partial<Record<EmploymentType, number>>;
  /** Tags for the first member without office and the first permanent (or long-term) non-member. */
  memberTag?: string;
  massesTag?: string;
  /** Tag for the second counted non-member: the demo's meeting secretary (thư ký). */
  secretaryTag?: string;
}

// No header lines on the records: the documents build them from each level's kind and name.
function base(name: string, children: OrganizationSpec[]): OrganizationSpec {
  return { kind: 'base', name, shortName: 'ĐU', children };
}

function cell(name: string, workplaces: WorkplaceSpec[]): OrganizationSpec {
  return { kind: 'cell', name, shortName: 'CB', workplaces };
}

const secretary = (governmentOffice: string, tag?: string): OfficerSpec => ({
  governmentOffice,
  partyOffice: 'Bí thư Chi bộ',
  committee: true,
  tag,
});
const deputySecretary = (governmentOffice: string): OfficerSpec => ({
  governmentOffice,
  partyOffice: 'Phó Bí thư Chi bộ',
  committee: true,
});
const cellCommittee = (governmentOffice: string): OfficerSpec => ({
  governmentOffice,
  partyOffice: 'Chi ủy viên',
  committee: true,
});
const official = (governmentOffice: string): OfficerSpec => ({ governmentOffice });

const healthBase = base('Đảng bộ Sở Y tế', [
  cell('Chi bộ Văn phòng Sở Y tế', [
    {
      name: 'Văn phòng Sở Y tế',
      address: '16 Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'VPSYT',
      sector: 'agency',
      officers: [
        {
          governmentOffice: 'Giám đốc Sở Y tế',
          partyOffice: 'Bí thư Đảng ủy Sở',
          committee: true,
          tag: 'capuy.syt',
        },
        { governmentOffice: 'Phó Giám đốc Sở Y tế', partyOffice: 'Phó Bí thư Đảng ủy Sở', committee: true },
        secretary('Chánh Văn phòng Sở', 'chiuy.vp'),
        deputySecretary('Phó Chánh Văn phòng Sở'),
      ],
      members: 4,
      masses: { permanent: 7, long_term: 3, short_term: 2 },
      memberTag: 'dangvien',
      massesTag: 'quanchung',
      secretaryTag: 'thuky',
    },
    {
      name: 'Phòng Kế hoạch - Tài chính Sở Y tế',
      address: '16 Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'KHTC',
      sector: 'agency',
      officers: [cellCommittee('Trưởng phòng Kế hoạch - Tài chính'), official('Phó Trưởng phòng')],
      members: 2,
      masses: { permanent: 5, long_term: 1, short_term: 1 },
    },
  ]),
  cell('Chi bộ các phòng Nghiệp vụ Sở Y tế', [
    {
      name: 'Phòng Nghiệp vụ Y',
      address: '16 Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'NVY',
      sector: 'health',
      officers: [secretary('Trưởng phòng Nghiệp vụ Y'), official('Phó Trưởng phòng')],
      members: 2,
      masses: { permanent: 5, long_term: 1 },
    },
    {
      name: 'Phòng Nghiệp vụ Dược',
      address: '16 Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'NVD',
      sector: 'health',
      officers: [deputySecretary('Trưởng phòng Nghiệp vụ Dược')],
      members: 1,
      masses: { permanent: 4, long_term: 2 },
    },
    // Seed II.1: under 5 counted masses, no meeting — this one is exempt.
    {
      name: 'Thanh tra Sở Y tế',
      address: '16 Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'TTSYT',
      sector: 'agency',
      officers: [cellCommittee('Chánh Thanh tra Sở')],
      members: 1,
      masses: { permanent: 2, long_term: 1 },
    },
  ]),
  cell('Chi bộ Trung tâm Kiểm soát bệnh tật', [
    {
      name: 'Trung tâm Kiểm soát bệnh tật tỉnh Trà Vinh',
      address: '52 Phạm Ngũ Lão, Phường 1, thành phố Trà Vinh',
      codePrefix: 'CDC',
      sector: 'health',
      officers: [
        secretary('Giám đốc Trung tâm'),
        deputySecretary('Phó Giám đốc Trung tâm'),
        cellCommittee('Trưởng khoa Phòng, chống bệnh truyền nhiễm'),
        official('Trưởng khoa Xét nghiệm'),
      ],
      members: 6,
      masses: { permanent: 18, long_term: 6, short_term: 4 },
    },
  ]),
]);

const educationBase = base('Đảng bộ Sở Giáo dục và Đào tạo', [
  cell('Chi bộ Văn phòng Sở Giáo dục và Đào tạo', [
    {
      name: 'Văn phòng Sở Giáo dục và Đào tạo',
      address: '19A Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'VPGD',
      sector: 'agency',
      officers: [
        {
          governmentOffice: 'Giám đốc Sở Giáo dục và Đào tạo',
          partyOffice: 'Bí thư Đảng ủy Sở',
          committee: true,
        },
        {
          governmentOffice: 'Phó Giám đốc Sở Giáo dục và Đào tạo',
          partyOffice: 'Phó Bí thư Đảng ủy Sở',
          committee: true,
        },
        secretary('Chánh Văn phòng Sở'),
      ],
      members: 3,
      masses: { permanent: 7, long_term: 2, short_term: 2 },
    },
  ]),
  cell('Chi bộ các phòng chuyên môn Sở Giáo dục và Đào tạo', [
    {
      name: 'Phòng Giáo dục Trung học',
      address: '19A Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'GDTH',
      sector: 'agency',
      officers: [secretary('Trưởng phòng Giáo dục Trung học'), official('Phó Trưởng phòng')],
      members: 2,
      masses: { permanent: 6 },
    },
    {
      name: 'Phòng Khảo thí và Quản lý chất lượng giáo dục',
      address: '19A Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'KTQL',
      sector: 'agency',
      officers: [deputySecretary('Trưởng phòng Khảo thí và Quản lý chất lượng giáo dục')],
      members: 2,
      masses: { permanent: 5, long_term: 1 },
    },
    {
      name: 'Phòng Giáo dục Dân tộc',
      address: '19A Nguyễn Thị Minh Khai, Phường 2, thành phố Trà Vinh',
      codePrefix: 'GDDT',
      sector: 'agency',
      officers: [cellCommittee('Trưởng phòng Giáo dục Dân tộc')],
      members: 1,
      masses: { permanent: 3, long_term: 1 },
    },
  ]),
  cell('Chi bộ Trường Trung học phổ thông Chuyên Trà Vinh', [
    {
      name: 'Trường Trung học phổ thông Chuyên Trà Vinh',
      address: '60 Nguyễn Đáng, Phường 7, thành phố Trà Vinh',
      codePrefix: 'THPTC',
      sector: 'school',
      officers: [
        secretary('Hiệu trưởng'),
        deputySecretary('Phó Hiệu trưởng'),
        cellCommittee('Tổ trưởng tổ Toán - Tin học'),
        official('Phó Hiệu trưởng'),
      ],
      members: 10,
      masses: { permanent: 24, long_term: 4, short_term: 3 },
    },
  ]),
]);

const waterBase = base('Đảng bộ Công ty Cổ phần Cấp thoát nước Trà Vinh', [
  cell('Chi bộ Văn phòng Công ty', [
    {
      name: 'Văn phòng Công ty Cổ phần Cấp thoát nước Trà Vinh',
      address: '111 Lê Lợi, Phường 1, thành phố Trà Vinh',
      codePrefix: 'VPCT',
      sector: 'enterprise',
      officers: [
        { governmentOffice: 'Giám đốc Công ty', partyOffice: 'Bí thư Đảng ủy Công ty', committee: true },
        {
          governmentOffice: 'Phó Giám đốc Công ty',
          partyOffice: 'Phó Bí thư Đảng ủy Công ty',
          committee: true,
        },
        secretary('Trưởng phòng Tổ chức - Hành chính'),
        official('Kế toán trưởng'),
      ],
      members: 3,
      masses: { long_term: 9, short_term: 2 },
    },
  ]),
  // Seed II.2: short-term contracts and production-line workers are not counted, so this plant
  // has many masses on its roster yet fewer than 5 counted ones, and is exempt.
  cell('Chi bộ Nhà máy nước Trà Vinh', [
    {
      name: 'Nhà máy nước Trà Vinh',
      address: 'Quốc lộ 53, Phường 9, thành phố Trà Vinh',
      codePrefix: 'NMN',
      sector: 'enterprise',
      officers: [secretary('Giám đốc Nhà máy'), deputySecretary('Quản đốc phân xưởng xử lý nước')],
      members: 3,
      masses: { long_term: 4, short_term: 5, line_worker: 9 },
    },
  ]),
  cell('Chi bộ Xí nghiệp Cấp nước Càng Long', [
    {
      name: 'Xí nghiệp Cấp nước huyện Càng Long',
      address: 'Khóm 3, thị trấn Càng Long, huyện Càng Long',
      codePrefix: 'XNCL',
      sector: 'enterprise',
      officers: [secretary('Giám đốc Xí nghiệp'), cellCommittee('Phó Giám đốc Xí nghiệp')],
      members: 3,
      masses: { long_term: 8, short_term: 3, line_worker: 6 },
    },
  ]),
]);

// A base-level cell (chi bộ cơ sở): its workplace hangs from it directly, with no cells below.
const justiceCell: OrganizationSpec = {
  kind: 'base-cell',
  name: 'Chi bộ Sở Tư pháp',
  shortName: 'CB',
  workplaces: [
    {
      name: 'Sở Tư pháp',
      address: '25 Lê Thánh Tôn, Phường 2, thành phố Trà Vinh',
      codePrefix: 'STP',
      sector: 'agency',
      officers: [
        secretary('Giám đốc Sở Tư pháp'),
        deputySecretary('Phó Giám đốc Sở Tư pháp'),
        cellCommittee('Chánh Văn phòng Sở'),
      ],
      members: 5,
      masses: { permanent: 12, long_term: 3, short_term: 2 },
    },
  ],
};

export const DEMO_TREE: OrganizationSpec = {
  kind: 'province',
  name: 'Đảng bộ tỉnh Trà Vinh',
  shortName: 'TU',
  children: [
    {
      kind: 'bloc',
      name: 'Đảng ủy Khối các cơ quan và doanh nghiệp',
      shortName: 'ĐUK',
      children: [healthBase, educationBase, waterBase, justiceCell],
    },
  ],
};
