import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { people } from '../../db/schema/index.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import { identityKey, staffCodeKey } from '../../domain/people.js';
import { foldVietnamese } from '../../domain/text.js';
import { AppError } from '../errors.js';

export interface RosterCandidate {
  workplaceId: string;
  code: string;
  fullName: string;
  birthDate: string | null;
  distinctConfirmed: boolean;
}

export interface Namesake {
  id: string;
  code: string;
  fullName: string;
  birthDate: string | null;
}

export const duplicateCodeMessage = 'Mã nhân sự đã có trong cơ quan này (không phân biệt hoa thường, dấu).';

export const duplicateCode = () =>
  new AppError('conflict', duplicateCodeMessage, [{ path: 'body.code', message: duplicateCodeMessage }]);

/** How a namesake is named in messages: `Nguyễn Văn An, sinh ngày 01/02/1980 (mã NV-001)`. */
export function describeNamesake(person: Omit<Namesake, 'id'>): string {
  const born = person.birthDate
    ? `sinh ngày ${formatVietnameseDate(person.birthDate)}`
    : 'không ghi ngày sinh';
  return `${person.fullName}, ${born} (mã ${person.code})`;
}

export function namesakeMessage(person: Omit<Namesake, 'id'>): string {
  return `Trùng họ tên và ngày sinh với ${describeNamesake(person)} đã có trong cơ quan này. Nếu đúng là người khác, hãy xác nhận "Là người khác"; nếu là cùng một người, hãy sửa người đã có thay vì thêm mới.`;
}

/** 409 with the namesakes in `details`, so the form can ask "là người khác?" and send the confirmation. */
export const duplicateIdentity = (namesakes: Namesake[]) =>
  new AppError(
    'conflict',
    namesakeMessage(namesakes[0]!),
    [{ path: 'body.distinctConfirmed', message: namesakeMessage(namesakes[0]!) }],
    { namesakes },
  );

/**
 * Refuses a person who would repeat someone of the workplace (the rule of rosterClashes in
 * domain/people.ts, checked against the database): a staff code already taken, or the same name
 * and birth date as an unconfirmed namesake unless confirmed as another person. Run under the
 * workplace's roster lock; the unique indexes back it up.
 */
export async function assertNoRosterDuplicate(
  db: DbOrTx,
  candidate: RosterCandidate,
  excludePersonId?: string,
): Promise<void> {
  const nameSearch = foldVietnamese(candidate.fullName);
  const sameIdentity = and(
    eq(people.nameSearch, nameSearch),
    candidate.birthDate === null ? undefined : eq(people.birthDate, candidate.birthDate),
  ) as SQL;
  const rows = await db
    .select({
      id: people.id,
      code: people.code,
      codeKey: people.codeKey,
      fullName: people.fullName,
      birthDate: people.birthDate,
      distinctConfirmed: people.distinctConfirmed,
    })
    .from(people)
    .where(
      and(
        eq(people.workplaceId, candidate.workplaceId),
        excludePersonId ? ne(people.id, excludePersonId) : undefined,
        or(eq(people.codeKey, staffCodeKey(candidate.code)), sameIdentity),
      ),
    );
  if (rows.some((row) => row.codeKey === staffCodeKey(candidate.code))) throw duplicateCode();
  if (candidate.distinctConfirmed) return;
  const key = identityKey(candidate.fullName, candidate.birthDate);
  const namesakes = rows.filter(
    (row) => !row.distinctConfirmed && identityKey(row.fullName, row.birthDate) === key,
  );
  if (namesakes.length > 0) {
    throw duplicateIdentity(
      namesakes.map(({ id, code, fullName, birthDate }) => ({ id, code, fullName, birthDate })),
    );
  }
}
