import { DOMParser, type Element, onWarningStopParsing } from '@xmldom/xmldom';
import JSZip from 'jszip';

/**
 * Test support: the rules of WordprocessingML (ECMA-376 Part 1, wml.xsd) that Microsoft Word
 * enforces — it refuses or "repairs" a file that breaks them — while LibreOffice forgives them, so a
 * file that looks right through LibreOffice may still not open in Word. Returns the problems found,
 * each naming its part and place; none means the file keeps these rules.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Child sequences of the schema, in the order Word requires them (xsd:sequence). */
export const SEQUENCES: Record<string, string[]> = {
  sectPr: [
    'headerReference|footerReference',
    'footnotePr',
    'endnotePr',
    'type',
    'pgSz',
    'pgMar',
    'paperSrc',
    'pgBorders',
    'lnNumType',
    'pgNumType',
    'cols',
    'formProt',
    'vAlign',
    'noEndnote',
    'titlePg',
    'textDirection',
    'bidi',
    'rtlGutter',
    'docGrid',
    'printerSettings',
    'sectPrChange',
  ],
  pPr: [
    'pStyle',
    'keepNext',
    'keepLines',
    'pageBreakBefore',
    'framePr',
    'widowControl',
    'numPr',
    'suppressLineNumbers',
    'pBdr',
    'shd',
    'tabs',
    'suppressAutoHyphens',
    'kinsoku',
    'wordWrap',
    'overflowPunct',
    'topLinePunct',
    'autoSpaceDE',
    'autoSpaceDN',
    'bidi',
    'adjustRightInd',
    'snapToGrid',
    'spacing',
    'ind',
    'contextualSpacing',
    'mirrorIndents',
    'suppressOverlap',
    'jc',
    'textDirection',
    'textAlignment',
    'textboxTightWrap',
    'outlineLvl',
    'divId',
    'cnfStyle',
    'rPr',
    'sectPr',
    'pPrChange',
  ],
  rPr: [
    'rStyle',
    'rFonts',
    'b',
    'bCs',
    'i',
    'iCs',
    'caps',
    'smallCaps',
    'strike',
    'dstrike',
    'outline',
    'shadow',
    'emboss',
    'imprint',
    'noProof',
    'snapToGrid',
    'vanish',
    'webHidden',
    'color',
    'spacing',
    'w',
    'kern',
    'position',
    'sz',
    'szCs',
    'highlight',
    'u',
    'effect',
    'bdr',
    'shd',
    'fitText',
    'vertAlign',
    'rtl',
    'cs',
    'em',
    'lang',
    'eastAsianLayout',
    'specVanish',
    'oMath',
    'rPrChange',
  ],
  tblPr: [
    'tblStyle',
    'tblpPr',
    'tblOverlap',
    'bidiVisual',
    'tblStyleRowBandSize',
    'tblStyleColBandSize',
    'tblW',
    'jc',
    'tblCellSpacing',
    'tblInd',
    'tblBorders',
    'shd',
    'tblLayout',
    'tblCellMar',
    'tblLook',
    'tblCaption',
    'tblDescription',
    'tblPrChange',
  ],
  tcPr: [
    'cnfStyle',
    'tcW',
    'gridSpan',
    'hMerge',
    'vMerge',
    'tcBorders',
    'shd',
    'noWrap',
    'tcMar',
    'textDirection',
    'tcFitText',
    'vAlign',
    'hideMark',
    'headers',
    'cellIns',
    'cellDel',
    'cellMerge',
    'tcPrChange',
  ],
  tblBorders: ['top', 'left|start', 'bottom', 'right|end', 'insideH', 'insideV'],
  tcBorders: ['top', 'left|start', 'bottom', 'right|end', 'insideH', 'insideV', 'tl2br', 'tr2bl'],
  tblCellMar: ['top', 'left|start', 'bottom', 'right|end'],
  tcMar: ['top', 'left|start', 'bottom', 'right|end'],
  pBdr: ['top', 'left', 'bottom', 'right', 'between', 'bar'],
  tbl: ['tblPr', 'tblGrid', 'tr|customXml|sdt|bookmarkStart|bookmarkEnd'],
  tr: ['tblPrEx', 'trPr', 'tc|customXml|sdt|bookmarkStart|bookmarkEnd'],
};

/** trPr is a choice repeated in any order: its children are only checked to be known. */
const ROW_PROPERTIES = new Set([
  'cnfStyle',
  'divId',
  'gridBefore',
  'gridAfter',
  'wBefore',
  'wAfter',
  'cantSplit',
  'trHeight',
  'tblHeader',
  'tblCellSpacing',
  'jc',
  'hidden',
  'ins',
  'del',
  'trPrChange',
]);

/** What a run may hold besides its properties: one of these makes it a run Word keeps. */
const RUN_CONTENT = new Set([
  't',
  'br',
  'tab',
  'noBreakHyphen',
  'softHyphen',
  'sym',
  'drawing',
  'pict',
  'object',
  'fldChar',
  'instrText',
  'cr',
  'lastRenderedPageBreak',
  'footnoteReference',
  'endnoteReference',
  'footnoteRef',
  'endnoteRef',
  'annotationRef',
  'separator',
  'continuationSeparator',
  'pgNum',
  'ptab',
  'delText',
  'commentReference',
]);

const BLOCKS = new Set(['p', 'tbl', 'sdt', 'customXml', 'bookmarkStart', 'bookmarkEnd']);

const nameOf = (element: Element | undefined) => element?.localName ?? '';

const elements = (parent: Element): Element[] =>
  Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1);

const wChildren = (parent: Element, name?: string) =>
  elements(parent).filter((child) => child.namespaceURI === W && (!name || nameOf(child) === name));

const wAttribute = (element: Element, name: string) => element.getAttributeNS(W, name);

function parseXml(text: string, part: string): Element {
  try {
    const document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
    if (!document.documentElement) throw new Error('no root element');
    return document.documentElement;
  } catch (error) {
    throw new Error(`${part}: not well-formed XML (${(error as Error).message})`);
  }
}

/** The elements of a part in document order, each with a path a person can follow. */
function* walk(element: Element, path: string): Generator<[Element, string]> {
  yield [element, path];
  const counts = new Map<string, number>();
  for (const child of elements(element)) {
    const count = (counts.get(nameOf(child)) ?? 0) + 1;
    counts.set(nameOf(child), count);
    yield* walk(child, `${path}/${nameOf(child)}[${count}]`);
  }
}

function checkSequence(element: Element, where: string, problems: string[]): void {
  const sequence = SEQUENCES[nameOf(element)];
  if (!sequence) return;
  let last = -1;
  for (const child of wChildren(element)) {
    const index = sequence.findIndex((names) => names.split('|').includes(nameOf(child)));
    if (index < 0) problems.push(`${where}: w:${nameOf(child)} is not allowed in w:${nameOf(element)}`);
    else if (index < last)
      problems.push(`${where}: w:${nameOf(child)} comes after w:${sequence[last]} in w:${nameOf(element)}`);
    else last = index;
  }
}

const twips = (element: Element | undefined, attribute = 'w') =>
  element ? Number(wAttribute(element, attribute)) : Number.NaN;

function checkTable(table: Element, where: string, problems: string[]): void {
  const [properties] = wChildren(table, 'tblPr');
  const [grid] = wChildren(table, 'tblGrid');
  if (!properties || !grid) {
    problems.push(`${where}: a table needs w:tblPr and w:tblGrid`);
    return;
  }
  const columns = wChildren(grid, 'gridCol').map((column) => twips(column));
  if (columns.length === 0 || columns.some((width) => !(width > 0)))
    problems.push(`${where}: every w:gridCol needs a positive width (${columns.join(', ')})`);
  const [tableWidth] = wChildren(properties, 'tblW');
  const total = columns.reduce((sum, width) => sum + width, 0);
  if (tableWidth && wAttribute(tableWidth, 'type') === 'dxa' && Math.abs(twips(tableWidth) - total) > 1)
    problems.push(`${where}: w:tblW ${twips(tableWidth)} differs from the grid's ${total}`);
  for (const [rowIndex, row] of wChildren(table, 'tr').entries()) {
    const rowWhere = `${where}/tr[${rowIndex + 1}]`;
    const [rowProperties] = wChildren(row, 'trPr');
    if (rowProperties)
      for (const child of wChildren(rowProperties))
        if (!ROW_PROPERTIES.has(nameOf(child)))
          problems.push(`${rowWhere}: w:${nameOf(child)} is not allowed in w:trPr`);
    let column = 0;
    for (const [cellIndex, cell] of wChildren(row, 'tc').entries()) {
      const cellWhere = `${rowWhere}/tc[${cellIndex + 1}]`;
      const [cellProperties] = wChildren(cell, 'tcPr');
      const span = Number(wAttribute(wChildren(cellProperties ?? cell, 'gridSpan')[0] ?? cell, 'val')) || 1;
      const spanned = columns.slice(column, column + span);
      if (spanned.length < span)
        problems.push(`${cellWhere}: the row has more cells than the grid has columns`);
      const [cellWidth] = cellProperties ? wChildren(cellProperties, 'tcW') : [];
      const expected = spanned.reduce((sum, width) => sum + width, 0);
      if (cellWidth && wAttribute(cellWidth, 'type') === 'dxa' && Math.abs(twips(cellWidth) - expected) > 1)
        problems.push(`${cellWhere}: w:tcW ${twips(cellWidth)} differs from its grid columns' ${expected}`);
      column += span;
      const blocks = elements(cell).filter((child) => nameOf(child) !== 'tcPr');
      if (cellProperties && elements(cell)[0] !== cellProperties)
        problems.push(`${cellWhere}: w:tcPr must come first in w:tc`);
      if (!blocks.some((child) => nameOf(child) === 'p'))
        problems.push(`${cellWhere}: a table cell needs at least one paragraph`);
      else if (nameOf(blocks.at(-1)) !== 'p')
        problems.push(`${cellWhere}: a table cell must end with a paragraph`);
      for (const child of blocks)
        if (!BLOCKS.has(nameOf(child))) problems.push(`${cellWhere}: w:${nameOf(child)} is not a block`);
    }
    if (column !== columns.length)
      problems.push(`${rowWhere}: its cells span ${column} grid columns, the grid has ${columns.length}`);
  }
}

function checkPart(root: Element, part: string, problems: string[]): void {
  for (const [element, path] of walk(root, `${part}:${nameOf(root)}`)) {
    if (element.namespaceURI !== W) continue;
    checkSequence(element, path, problems);
    const name = nameOf(element);
    if (name === 'tbl') checkTable(element, path, problems);
    if (name === 'p') {
      const properties = wChildren(element, 'pPr')[0];
      if (properties && elements(element)[0] !== properties)
        problems.push(`${path}: w:pPr must come first in w:p`);
    }
    if (name === 'r') {
      const children = wChildren(element);
      const properties = wChildren(element, 'rPr')[0];
      if (properties && children[0] !== properties) problems.push(`${path}: w:rPr must come first in w:r`);
      if (!children.some((child) => RUN_CONTENT.has(nameOf(child))))
        problems.push(`${path}: an empty run (no text, break, tab or drawing)`);
    }
    if (name === 't') {
      const text = element.textContent ?? '';
      const preserved = element.getAttribute('xml:space') === 'preserve';
      if (text !== text.trim() && !preserved)
        problems.push(`${path}: leading or trailing spaces need xml:space="preserve"`);
    }
    if (name === 'body') {
      const last = elements(element).at(-1);
      if (nameOf(last) !== 'sectPr') problems.push(`${path}: w:body must end with w:sectPr`);
    }
    if (name === 'sectPr') {
      for (const required of ['pgSz', 'pgMar'])
        if (wChildren(element, required).length === 0) problems.push(`${path}: w:sectPr needs w:${required}`);
    }
  }
}

const relsPartOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** `word/media/image1.png` from `media/image1.png` relative to `word/`. */
function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/** Every problem Word would have with the DOCX in `buffer`; an empty list when there is none. */
export async function ooxmlProblems(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const problems: string[] = [];
  const read = (name: string) => zip.file(name)!.async('string');

  if (!names.includes('[Content_Types].xml')) return ['[Content_Types].xml is missing'];
  const types = parseXml(await read('[Content_Types].xml'), '[Content_Types].xml');
  const byExtension = new Set(
    elements(types)
      .filter((element) => element.namespaceURI === CONTENT_TYPES && nameOf(element) === 'Default')
      .map((element) => (element.getAttribute('Extension') ?? '').toLowerCase()),
  );
  const overridden = new Set(
    elements(types)
      .filter((element) => nameOf(element) === 'Override')
      .map((element) => (element.getAttribute('PartName') ?? '').replace(/^\//, '')),
  );
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const extension = name.split('.').pop()?.toLowerCase() ?? '';
    if (!byExtension.has(extension) && !overridden.has(name))
      problems.push(`${name}: no content type for this part`);
  }
  for (const name of overridden)
    if (!names.includes(name)) problems.push(`${name}: has a content type but is missing`);

  for (const name of names.filter((candidate) => candidate.endsWith('.rels'))) {
    const rels = parseXml(await read(name), name);
    // `word/_rels/document.xml.rels` holds targets relative to `word/`; `_rels/.rels` to the package root.
    const base = name.replace(/_rels\/[^/]*$/, '');
    for (const relationship of elements(rels)) {
      if (relationship.namespaceURI !== PACKAGE_RELS) continue;
      if (relationship.getAttribute('TargetMode') === 'External') continue;
      const target = resolveTarget(base, relationship.getAttribute('Target') ?? '');
      if (!names.includes(target))
        problems.push(`${name}: relationship ${relationship.getAttribute('Id')} points at missing ${target}`);
    }
  }
  if (!names.includes('word/document.xml')) return [...problems, 'word/document.xml is missing'];

  for (const name of names.filter((candidate) => /^word\/[^/]+\.xml$/.test(candidate))) {
    const root = parseXml(await read(name), name);
    checkPart(root, name, problems);
    const relsName = relsPartOf(name);
    const ids = names.includes(relsName)
      ? new Set(
          elements(parseXml(await read(relsName), relsName)).map((element) => element.getAttribute('Id')),
        )
      : new Set<string>();
    const drawingIds = new Map<string, number>();
    for (const [element, path] of walk(root, `${name}:${nameOf(root)}`)) {
      // Word refuses two drawings with the same wp:docPr id ("unreadable content").
      if (element.namespaceURI === WP && nameOf(element) === 'docPr') {
        const id = element.getAttribute('id') ?? '';
        drawingIds.set(id, (drawingIds.get(id) ?? 0) + 1);
        if (drawingIds.get(id) === 2)
          problems.push(`${path}: wp:docPr id="${id}" is used by more than one drawing`);
      }
      for (const attribute of Array.from(element.attributes))
        if (attribute.namespaceURI === R && !ids.has(attribute.value))
          problems.push(`${path}: r:${attribute.localName}="${attribute.value}" has no relationship`);
    }
  }
  return problems;
}
