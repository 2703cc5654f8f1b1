import { z } from 'zod';

/** Issue 16: the province workbook's import job, as the page polls it. */
const sheetSummary = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
});

export const workbookError = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type WorkbookErrorItem = z.infer<typeof workbookError>;

export const workbookPreview = z.object({
  counts: z.object({ organizations: sheetSummary, workplaces: sheetSummary, people: sheetSummary }),
  errorCount: z.number().int(),
  errors: z.array(workbookError),
  changes: z.array(
    z.object({
      sheet: z.string(),
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      action: z.enum(['create', 'update']),
      fields: z.array(z.object({ column: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
});
export type WorkbookPreview = z.infer<typeof workbookPreview>;

export const importJob = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  fileName: z.string(),
  /** checking: reading and checking the file; ready: preview shown, nothing written; applied: written. */
  state: z.enum(['checking', 'ready', 'applying', 'applied', 'failed']),
  progress: z.object({
    phase: z.enum(['reading', 'checking', 'applying', 'done']),
    done: z.number().int(),
    total: z.number().int(),
  }),
  preview: workbookPreview.nullable(),
  /** Why the file or the apply was refused; nothing was written. */
  failure: z.object({ message: z.string(), errors: z.array(workbookError) }).nullable(),
});
export type ImportJob = z.infer<typeof importJob>;
