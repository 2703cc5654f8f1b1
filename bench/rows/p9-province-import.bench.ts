import { type Bench, seconds } from '../harness.js';
import { provinceImportBench, scaledProvince } from '../province-import.js';

const LIMIT_S = 60;
const STALL_LIMIT_MS = 1_000;

/** Issue 16: a province's workbook previewed and applied, beside ExcelJS reading the same file bare. */
const bench: Bench = {
  id: 'P9',
  title: 'province workbook: preview and apply (2 000 organizations, 6 000 workplaces, 120 000 people)',
  async run({ quick, serverUrl }) {
    const figures = await provinceImportBench(
      serverUrl,
      scaledProvince(quick ? 0.05 : Number(process.env.BENCH_SCALE ?? '1')),
    );
    const anchor = `ExcelJS reads the same file bare: ${seconds(figures.excelJsLoadMs)}`;
    const size = `${figures.size.organizations} organizations, ${figures.size.workplaces} workplaces, ${figures.size.people} people`;
    const row = (what: string, value: number) => {
      const passed = value < LIMIT_S * 1000 && figures.passed;
      return {
        what: `${what} (${size})`,
        figure: seconds(value),
        anchor,
        target: `< ${LIMIT_S} s, every person written`,
        passed,
        ...(passed ? {} : { reason: `${seconds(value)} against ${anchor}; see the notes` }),
      };
    };
    // perf_hooks monitorEventLoopDelay: the longest time nobody else could be answered.
    const stall = (what: string, value: number) => {
      const passed = value < STALL_LIMIT_MS;
      return {
        what: `longest event-loop stall during ${what} (${size})`,
        figure: `${Math.round(value)} ms`,
        anchor: anchor,
        target: `< ${STALL_LIMIT_MS} ms (other users are served meanwhile)`,
        passed,
        ...(passed ? {} : { reason: `the event loop was blocked ${Math.round(value)} ms at once` }),
      };
    };
    return {
      rows: [
        row('preview', figures.previewMs),
        row('apply', figures.applyMs),
        stall('preview', figures.previewStallMs),
        stall('apply', figures.applyStallMs),
      ],
      notes: figures.lines,
    };
  },
};

export default bench;
