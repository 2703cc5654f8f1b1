import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';

/** Every party document downloads as DOCX (editable in Word) and as PDF: the media type and renderer of each. */
export const DOCUMENT_FORMATS = {
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderDocx,
  },
  pdf: { type: 'application/pdf', render: renderPdf },
} as const;
