/** Employment types of DESIGN.md's glossary: only some of them count as masses for the meeting rule. */
export const EMPLOYMENT_TYPES = ['permanent', 'long_term', 'short_term', 'line_worker'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  permanent: 'Biên chế',
  long_term: 'Hợp đồng dài hạn',
  short_term: 'Hợp đồng ngắn hạn',
  line_worker: 'Công nhân dây chuyền sản xuất',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };
