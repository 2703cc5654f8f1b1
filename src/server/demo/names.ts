import type { Gender } from '../../domain/employment.js';

/** A small seeded generator (mulberry32): the demo must come out the same on every load. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

// Trà Vinh is about a third Khmer: Khmer family names (Thạch, Kim, Sơn, Kiên, Danh) sit beside Kinh ones.
const KINH_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Dương', 'Trương', 'Lâm', 'Ngô'];
const KHMER_FAMILY = ['Thạch', 'Kim', 'Sơn', 'Kiên', 'Danh'];

const KINH_MIDDLE: Record<Gender, readonly string[]> = {
  male: ['Văn', 'Minh', 'Hoàng', 'Quốc', 'Thanh', 'Hữu', 'Đức', 'Công', 'Ngọc', 'Tấn'],
  female: ['Thị', 'Ngọc', 'Thanh', 'Thùy', 'Mỹ', 'Kim', 'Bích', 'Hồng', 'Thị Kim', 'Thị Mỹ'],
};
const KINH_GIVEN: Record<Gender, readonly string[]> = {
  male: [
    'Hùng',
    'Dũng',
    'Tuấn',
    'Phong',
    'Tài',
    'Khoa',
    'Long',
    'Nam',
    'Phúc',
    'Thắng',
    'Trí',
    'Vinh',
    'Hải',
    'Tâm',
    'Lộc',
    'Hiếu',
    'Nhân',
    'Bình',
    'Sang',
    'Toàn',
    'Khải',
    'Duy',
    'Thịnh',
    'Quang',
  ],
  female: [
    'Lan',
    'Hoa',
    'Hương',
    'Mai',
    'Thảo',
    'Trang',
    'Ngân',
    'Nhung',
    'Thủy',
    'Yến',
    'Loan',
    'Hạnh',
    'Diễm',
    'Phương',
    'Trinh',
    'Tuyết',
    'Linh',
    'Vy',
    'Như',
    'Uyên',
    'Châu',
    'Quyên',
    'Huyền',
    'Hằng',
  ],
};
const KHMER_MIDDLE: Record<Gender, readonly string[]> = {
  male: ['', 'Văn', 'Minh', 'Hoàng'],
  female: ['Thị', 'Thị', 'Ngọc', 'Thị Mỹ'],
};
const KHMER_GIVEN: Record<Gender, readonly string[]> = {
  male: [
    'Sô Phal',
    'Sóc Kha',
    'Sa Rây',
    'Chanh Thu',
    'Sa Vên',
    'Kim Thol',
    'Ri Ty',
    'Sô Khom',
    'Thươl',
    'Pha',
  ],
  female: [
    'Sa Rươne',
    'Chanh Đa',
    'Sô Phia',
    'Mo Ly',
    'Sa Ly',
    'Pha Ly',
    'Kim Sên',
    'Ny',
    'Sóc Thia',
    'Ra Ny',
  ],
};

/** A plausible full name of Trà Vinh, never one already in `taken`. */
export function personName(random: Random, gender: Gender, taken: Set<string>): string {
  for (;;) {
    const khmer = random() < 0.3;
    const family = pick(random, khmer ? KHMER_FAMILY : KINH_FAMILY);
    const middle = pick(random, (khmer ? KHMER_MIDDLE : KINH_MIDDLE)[gender]);
    const given = pick(random, (khmer ? KHMER_GIVEN : KINH_GIVEN)[gender]);
    const name = [family, middle, given].filter(Boolean).join(' ');
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** An ISO birth date between the two years, inclusive. */
export function birthDate(random: Random, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
