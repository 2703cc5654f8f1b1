import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { foldVietnamese } from '../../domain/text.js';

/**
 * Accounts keep no folded search column, so the fold happens in the query: `translate` maps every
 * Latin letter with Vietnamese marks (and every capital) to what foldVietnamese makes of it. `lower`
 * alone would not do, since under the C collation it leaves `Đ` and `Ễ` as they are.
 */
function foldingTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a],
    [0xc0, 0x1b0],
    [0x1ea0, 0x1ef9],
  ];
  for (const [start, end] of ranges) {
    for (let code = start; code <= end; code++) {
      const letter = String.fromCodePoint(code);
      const folded = foldVietnamese(letter);
      if (folded !== letter && /^[a-z]$/.test(folded)) {
        from += letter;
        to += folded;
      }
    }
  }
  return { from, to };
}

const FOLDING = foldingTable();

export function foldedColumn(column: PgColumn): SQL {
  return sql`translate(${column}, ${FOLDING.from}, ${FOLDING.to})`;
}

/** A LIKE pattern for the folded query, its wildcards escaped so `_` and `%` match themselves. */
export function containsPattern(query: string): string {
  return `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
