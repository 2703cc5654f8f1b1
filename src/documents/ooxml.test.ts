import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { everyDocument } from './fixtures.js';
import { ooxmlProblems } from './ooxml-rules.js';
import { renderQrSheetDocx } from './qr-sheet-document.js';

/**
 * Issue 12: "Nobody outside the app has checked the documents in Word." Word itself cannot run
 * here; LibreOffice opens what Word refuses. Every DOCX the app makes is held to the schema rules
 * Word is strict about (ooxml-rules.ts): cells that end with a paragraph, grids that agree with
 * their cells, properties in the schema's order, no empty runs, relationships that resolve.
 */

describe.each(everyDocument())('the DOCX of the $name', ({ document }) => {
  it('keeps the OOXML rules Word enforces', async () => {
    expect(await ooxmlProblems(await renderDocx(document))).toEqual([]);
  });
});

describe('the QR sheet as DOCX', () => {
  it('keeps the OOXML rules Word enforces, its images and header included', async () => {
    const docx = await renderQrSheetDocx({
      workplaceName: 'Văn phòng Sở Y tế',
      meetingDate: '10/11/2026',
      origin: 'https://tuphebinh.example.vn',
      codes: ['23456789AB', 'CDEFGHJKMN', 'PQRSTUVWXY', 'Z23456789A'],
    });
    expect(await ooxmlProblems(docx)).toEqual([]);
  });
});

/** The seed plan's DOCX with one part rewritten: each rule must catch what breaks it. */
async function broken(rewrite: (xml: string) => string): Promise<string[]> {
  const [plan] = everyDocument();
  const zip = await JSZip.loadAsync(await renderDocx(plan!.document));
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', rewrite(xml));
  return ooxmlProblems(await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('the OOXML rules', () => {
  it('catch a table cell without a paragraph', async () => {
    const problems = await broken((xml) =>
      xml.replace(/(<w:tc>\s*<w:tcPr>[\s\S]*?<\/w:tcPr>)[\s\S]*?<\/w:tc>/, '$1</w:tc>'),
    );
    expect(problems.join('\n')).toContain('a table cell needs at least one paragraph');
  });

  it('catch a grid that disagrees with its cells', async () => {
    const problems = await broken((xml) => xml.replace(/<w:gridCol w:w="\d+"\/>/, '<w:gridCol w:w="1000"/>'));
    expect(problems.join('\n')).toMatch(/w:tcW \d+ differs from its grid columns' 1000/);
    const missing = await broken((xml) => xml.replace(/<w:gridCol w:w="\d+"\/>/, ''));
    expect(missing.join('\n')).toMatch(/its cells span 2 grid columns, the grid has 1/);
  });

  it('catch properties out of the schema’s order', async () => {
    const problems = await broken((xml) =>
      xml.replace(/<w:pPr>(<w:keepNext\/>)?([\s\S]*?)(<w:jc w:val="both"\/>)/, '<w:pPr>$3$1$2'),
    );
    expect(problems.join('\n')).toMatch(/comes after w:jc in w:pPr/);
  });

  it('catch an empty run and a relationship that points nowhere', async () => {
    const empty = await broken((xml) => xml.replace('<w:r>', '<w:r></w:r><w:r>'));
    expect(empty.join('\n')).toContain('an empty run');
    const dangling = await broken((xml) =>
      xml.replace('<w:body>', '<w:body><w:p><w:hyperlink r:id="rIdNowhere"/></w:p>'),
    );
    expect(dangling.join('\n')).toContain('r:id="rIdNowhere" has no relationship');
  });
});
