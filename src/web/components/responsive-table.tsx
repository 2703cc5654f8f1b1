import { Table, type TableProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback } from 'react';

/** The width below which rows turn into cards (the same as card-table.css). */
export const CARD_TABLE_QUERY = '(max-width: 48em)';

/** The column names of a table, one per column (a header spanning n columns counts n times). */
function headerLabels(table: HTMLTableElement): string[] {
  const row = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!row) return [];
  const labels: string[] = [];
  for (const cell of Array.from(row.cells)) {
    const label = (
      cell.getAttribute('data-label') ??
      cell.getAttribute('aria-label') ??
      cell.textContent ??
      ''
    )
      .replace(/[▲▼]/g, '')
      .trim();
    for (let span = 0; span < Math.max(1, cell.colSpan); span++) labels.push(label);
  }
  return labels;
}

/**
 * Gives every body cell the name of its column (data-label) unless it has its own; a cell spanning
 * the whole row (an empty-state line) gets none. card-table.css shows the name before the value.
 */
export function labelCells(table: HTMLTableElement): void {
  const labels = headerLabels(table);
  if (labels.length === 0) return;
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        const span = Math.max(1, cell.colSpan);
        if (cell.dataset.ownLabel === undefined) {
          const label = span >= labels.length ? '' : (labels[column] ?? '');
          if (cell.hasAttribute('data-label') && cell.dataset.autoLabel === undefined) {
            cell.dataset.ownLabel = '';
          } else if (label) {
            if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
            cell.dataset.autoLabel = '';
          } else if (cell.dataset.autoLabel !== undefined) {
            cell.removeAttribute('data-label');
          }
        }
        column += span;
      }
    }
  }
}

export interface ResponsiveTableProps extends TableProps {
  /** At wide widths, the width under which the table scrolls inside its own box instead of squeezing. */
  minWidth?: number;
  /** The height above which the table scrolls inside its own box. */
  maxHeight?: number;
  /** With `maxHeight`: the scrolling box's name; the box takes the keyboard focus to scroll (axe). */
  scrollLabel?: string;
}

/**
 * A Mantine table that fits every screen: on a phone (below 48em) each row is a card whose cells
 * show their column's name; on a wider screen it is an ordinary table, scrolled inside its own box
 * only when narrower than `minWidth`. Rows, cells and headers stay real table elements (role row,
 * cell, columnheader). Cells are named from the header row, so a table converts by swapping
 * `Table` for `ResponsiveTable`; a cell may set its own data-label.
 */
export function ResponsiveTable({
  minWidth,
  maxHeight,
  scrollLabel,
  className,
  children,
  ...props
}: ResponsiveTableProps) {
  const narrow = useMediaQuery(CARD_TABLE_QUERY, false, { getInitialValueInEffect: false }) ?? false;
  // Name the cells now and again whenever rows or their text change.
  const ref = useCallback((table: HTMLTableElement | null) => {
    if (!table) return;
    labelCells(table);
    const observer = new MutationObserver(() => labelCells(table));
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  const table = (
    <Table ref={ref} className={className ? `card-table ${className}` : 'card-table'} {...props}>
      {children}
    </Table>
  );
  const focusable = maxHeight && scrollLabel ? { tabIndex: 0, 'aria-label': scrollLabel } : {};
  if (narrow || !minWidth) {
    if (!maxHeight) return table;
    const style = { maxHeight, overflowY: 'auto' } as const;
    // A named box is a region the keyboard can scroll; an unnamed one is only a box.
    return scrollLabel ? (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to scroll by keyboard (axe scrollable-region-focusable).
      <section style={style} tabIndex={0} aria-label={scrollLabel}>
        {table}
      </section>
    ) : (
      <div style={style}>{table}</div>
    );
  }
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      maxHeight={maxHeight}
      scrollAreaProps={{ viewportProps: focusable }}
    >
      {table}
    </Table.ScrollContainer>
  );
}
