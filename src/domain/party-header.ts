/**
 * The names a party document prints for an organization, built from its kind and name
 * (Hướng dẫn 36-HD/VPTW): the header's first line names the party organization (đảng bộ) the
 * issuer belongs to, the second the issuing body itself, e.g. `ĐẢNG BỘ SỞ Y TẾ` over
 * `CHI BỘ VĂN PHÒNG SỞ Y TẾ`, `ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP` over `ĐẢNG ỦY SỞ Y TẾ`,
 * `ĐẢNG BỘ TỈNH TRÀ VINH` over `ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP`, `TỈNH ỦY TRÀ VINH` alone.
 * Pure: no I/O.
 */

export interface NamedOrganization {
  kind: string;
  name: string;
  /** Set by an administrator when the organization prints a variant; empty: built from kind and name. */
  headerSuperior?: string;
  headerIssuer?: string;
  shortName?: string;
}

/** How an organization is named: a chi bộ issues as itself, a đảng bộ through its đảng ủy. */
type Level = 'province' | 'committee' | 'cell' | 'other';

const LEVEL_OF_KIND: Record<string, Level> = {
  province: 'province',
  bloc: 'committee',
  base: 'committee',
  'base-cell': 'cell',
  cell: 'cell',
};

// The type words a name may start with; `Đảng bộ tỉnh X` keeps `tỉnh X`.
const TYPE_WORDS = /^(đảng bộ|đảng ủy|đảng uỷ|chi bộ|chi ủy|chi uỷ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ)\s+/iu;

const upper = (text: string) => text.toLocaleUpperCase('vi');

function levelOf(organization: NamedOrganization): Level {
  const known = LEVEL_OF_KIND[organization.kind];
  if (known) return known;
  // Kinds are data (DESIGN): an unknown kind is named by what its name says it is.
  const name = organization.name.trim().toLocaleLowerCase('vi');
  if (/^chi bộ\s/u.test(name)) return 'cell';
  if (/^(tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|đảng bộ tỉnh|đảng bộ thành phố)\s/u.test(name)) return 'province';
  if (/^(đảng bộ|đảng ủy|đảng uỷ)\s/u.test(name)) return 'committee';
  return 'other';
}

/** `Đảng bộ Sở Y tế` → `Sở Y tế`; `Đảng ủy Khối các cơ quan…` → `Khối các cơ quan…`; `Tỉnh ủy Trà Vinh` → `tỉnh Trà Vinh`. */
export function bareName(name: string): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const match = TYPE_WORDS.exec(trimmed);
  if (!match) return trimmed;
  const rest = trimmed.slice(match[0].length);
  const word = match[1]!.toLocaleLowerCase('vi');
  if (word.startsWith('tỉnh')) return `tỉnh ${rest}`;
  if (word.startsWith('thành')) return `thành phố ${rest}`;
  return rest;
}

/** The party organization in running text: `Đảng bộ Sở Y tế`, `Chi bộ Văn phòng Sở Y tế`, `Đảng bộ tỉnh Trà Vinh`. */
export function partyOrganizationName(organization: NamedOrganization): string {
  const level = levelOf(organization);
  if (level === 'other') return organization.name.trim();
  const bare = bareName(organization.name);
  return level === 'cell' ? `Chi bộ ${bare}` : `Đảng bộ ${bare}`;
}

/** The body that issues and signs for it: `Đảng ủy Sở Y tế`, `Chi bộ Văn phòng Sở Y tế`, `Tỉnh ủy Trà Vinh`. */
export function committeeName(organization: NamedOrganization): string {
  const level = levelOf(organization);
  if (level === 'other') return organization.name.trim();
  const bare = bareName(organization.name);
  if (level === 'cell') return `Chi bộ ${bare}`;
  if (level === 'province') {
    const city = /^thành phố\s+/iu.exec(bare);
    if (city) return `Thành ủy ${bare.slice(city[0].length)}`;
    return `Tỉnh ủy ${bare.replace(/^tỉnh\s+/iu, '')}`;
  }
  return `Đảng ủy ${bare}`;
}

export interface DocumentHeaderLines {
  /** `ĐẢNG BỘ SỞ Y TẾ`; empty at the top of the tree (a Tỉnh ủy's documents carry one line). */
  superior: string;
  /** `CHI BỘ VĂN PHÒNG SỞ Y TẾ`. */
  issuer: string;
}

/**
 * The two lines over the star, for documents of the last organization of `chain` (the tree from
 * the root down to it): its parent's party organization, then its own issuing body. A line set on
 * the organization's record replaces the one built here (a variant the organization uses).
 */
export function documentHeaderLines(chain: NamedOrganization[]): DocumentHeaderLines {
  const own = chain.at(-1);
  if (!own) throw new Error('documentHeaderLines needs the organization');
  const parent = chain.at(-2);
  const superior = own.headerSuperior?.trim() || (parent ? partyOrganizationName(parent) : '');
  const issuer = own.headerIssuer?.trim() || committeeName(own);
  return { superior: upper(superior), issuer: upper(issuer) };
}

// Hướng dẫn 36: the symbol after the type of document is the issuer's abbreviation.
const SHORT_NAME_OF_LEVEL: Record<Level, string> = { province: 'TU', committee: 'ĐU', cell: 'CB', other: '' };

/** `CB`, `ĐU`, `ĐUK`: the record's short name, else the usual one for the organization's level. */
export function issuerShortName(organization: NamedOrganization): string {
  return organization.shortName?.trim() || SHORT_NAME_OF_LEVEL[levelOf(organization)];
}

const ARCHIVE_OF_LEVEL: Record<Level, string> = {
  province: 'Lưu Văn phòng Tỉnh ủy',
  committee: 'Lưu Văn phòng Đảng ủy',
  cell: 'Lưu chi bộ',
  other: 'Lưu',
};

/** The last item of `Nơi nhận:`, where the issuer keeps its copy (the seed: `Lưu Văn phòng Đảng ủy`). */
export function archiveName(organization: NamedOrganization): string {
  return ARCHIVE_OF_LEVEL[levelOf(organization)];
}
