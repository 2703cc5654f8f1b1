import { Document, Packer, Paragraph, TextRun } from 'docx';
import pdfMake from 'pdfmake';
import { renderDocx } from '../../src/documents/docx.js';
import { everyDocument } from '../../src/documents/fixtures.js';
import { renderPdf } from '../../src/documents/pdf.js';
import { loadFonts, PDF_FONT } from '../../src/documents/pdf-fonts.js';
import { renderQrSheet, renderQrSheetDocx } from '../../src/documents/qr-sheet-document.js';
import { newCode } from '../../src/server/phone-forms/codes.js';
import { type Bench, type BenchRow, ms, p, times as ratio } from '../harness.js';
import { type Summary, summarize, timeEach } from '../stats.js';

/**
 * QUALITY P3: every party document rendered as DOCX and as PDF, p50 and p95 over at least 50
 * renders each, beside a minimal one-page document from the same library in the same run.
 * Targets: DOCX ≤ 30 ms and PDF ≤ 150 ms for a 10-page document, so a document of n pages is
 * held to n/10 of that, never less than the one-page floor of its library measured here.
 */
const DOCX_MS_PER_10_PAGES = 30;
const PDF_MS_PER_10_PAGES = 150;

const minimalDocx = () =>
  Packer.toBuffer(
    new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('Một trang tối thiểu.')] })] }],
    }),
  );

const minimalPdf = () => {
  loadFonts();
  return pdfMake
    .createPdf({ content: [{ text: 'Một trang tối thiểu.' }], defaultStyle: { font: PDF_FONT } })
    .getBuffer();
};

/** Pages of a PDF: its page objects counted. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

const bench: Bench = {
  id: 'P3',
  title: 'party documents as DOCX and PDF (p50/p95 over repeated renders)',
  async run({ quick, log }) {
    const renders = quick ? 12 : 50;
    // --quick: at most 2 s a document and format (never under 3 renders), so one slow document
    // cannot take the whole five minutes (15 documents × 2 formats: about 60 s of the budget).
    const times = async (work: () => Promise<unknown>) => {
      const samples: number[] = [];
      const deadline = performance.now() + (quick ? 2000 : Number.POSITIVE_INFINITY);
      while (samples.length < renders && (samples.length < 3 || performance.now() < deadline)) {
        samples.push(...(await timeEach([0], work)));
      }
      return samples;
    };
    for (let index = 0; index < 3; index++) await Promise.all([minimalDocx(), minimalPdf()]);
    const floorDocx = summarize(await times(minimalDocx));
    const floorPdf = summarize(await times(minimalPdf));
    log(`mốc một trang: DOCX ${p(floorDocx)}, PDF ${p(floorPdf)}`);
    const codes = Array.from({ length: 30 }, newCode);
    const qr = {
      workplaceName: 'Văn phòng Sở Y tế',
      meetingDate: '10/11/2026',
      origin: 'https://tuphebinh.example.vn',
      codes,
    };
    const documents = [
      ...everyDocument().map(({ name, document }) => ({
        name,
        docx: () => renderDocx(document),
        pdf: () => renderPdf(document),
      })),
      { name: 'QR sheet (30 codes)', docx: () => renderQrSheetDocx(qr), pdf: () => renderQrSheet(qr) },
    ];
    const rows: BenchRow[] = [];
    for (const document of documents) {
      const pages = pdfPages(await document.pdf());
      await document.docx();
      const docx = summarize(await times(document.docx));
      const pdf = summarize(await times(document.pdf));
      const limit = (perTen: number, floor: Summary) =>
        Math.max((perTen * Math.max(pages, 1)) / 10, floor.p95 * 1.5);
      const docxLimit = limit(DOCX_MS_PER_10_PAGES, floorDocx);
      const pdfLimit = limit(PDF_MS_PER_10_PAGES, floorPdf);
      const reasons = [
        docx.p95 <= docxLimit
          ? ''
          : `DOCX p95 ${ms(docx.p95)} over ${ms(docxLimit)} for ${pages} page(s) (${ratio(docx.p95, floorDocx.p95)} the one-page docx floor)`,
        pdf.p95 <= pdfLimit
          ? ''
          : `PDF p95 ${ms(pdf.p95)} over ${ms(pdfLimit)} for ${pages} page(s) (${ratio(pdf.p95, floorPdf.p95)} the one-page pdfmake floor)`,
      ].filter(Boolean);
      log(`${document.name} (${pages} trang): DOCX ${p(docx)}, PDF ${p(pdf)}`);
      rows.push({
        what: `${document.name} (${pages} page${pages === 1 ? '' : 's'})`,
        figure: `DOCX ${p(docx)}; PDF ${p(pdf)}`,
        anchor: `one page: DOCX ${p(floorDocx)}; PDF ${p(floorPdf)}`,
        target: `p95 DOCX ≤ ${ms(docxLimit)}, PDF ≤ ${ms(pdfLimit)}`,
        passed: reasons.length === 0,
        ...(reasons.length === 0 ? {} : { reason: reasons.join('; ') }),
      });
    }
    return {
      rows,
      notes: [
        `${quick ? `Up to ${renders} renders (at most 2 s, at least 3)` : `${renders} renders`} of each, one after the other in this process, after a first render that is not counted. Target per document: ${DOCX_MS_PER_10_PAGES} ms (DOCX) and ${PDF_MS_PER_10_PAGES} ms (PDF) per 10 pages of its PDF, and never below 1.5× the p95 of the same library's one-page document in this run (a one-page document cannot beat its library's floor).`,
      ],
    };
  },
};

export default bench;
