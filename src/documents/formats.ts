import type { PartyDocument } from './party-document.js';

/**
 * Every party document downloads as DOCX (editable in Word) and as PDF: the media type and renderer
 * of each. The renderers (docx, pdfmake and their fonts) load on the first download, not at start (P6).
 */
export const DOCUMENT_FORMATS = {
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: async (docs: PartyDocument | PartyDocument[]): Promise<Buffer> =>
      (await import('./docx.js')).renderDocx(docs),
  },
  pdf: {
    type: 'application/pdf',
    render: async (docs: PartyDocument | PartyDocument[]): Promise<Buffer> =>
      (await import('./pdf.js')).renderPdf(docs),
  },
} as const;
