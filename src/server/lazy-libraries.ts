/**
 * P6: libraries that only build or read files (spreadsheets, DOCX, PDF) are loaded on the first
 * request that needs them, not at start: they are most of the start time and of the idle memory of
 * a server that may never export anything. The compiled server keeps them in chunks of their own.
 */
export const loadExcelJS = async () => (await import('exceljs')).default;
