import { type Bench, failedRow, seconds } from '../harness.js';
import { footprintLines, measureServerFootprint, type ServerFigures } from '../server-footprint.js';

const READY_LIMIT_MS = 3000;
const RSS_LIMIT_MB = 250;

/** QUALITY P6: start time and memory of the compiled server on both databases, beside a bare Fastify server. */
const bench: Bench = {
  id: 'P6',
  title: 'start time and resident memory of the server',
  async run({ quick, serverUrl }) {
    const run = await measureServerFootprint(serverUrl, quick ? 1000 : 10_000);
    const row = (what: string, figures: ServerFigures, target: string, passed: boolean, reason?: string) => ({
      what,
      figure: `ready ${seconds(figures.readyMs)}, RSS ${figures.idleRssMb.toFixed(0)} MB idle, ${figures.loadedRssMb.toFixed(0)} MB after ${figures.requests} requests`,
      anchor: `bare Fastify: ready ${seconds(run.bare.readyMs)}, RSS ${run.bare.idleRssMb.toFixed(0)} MB`,
      target,
      passed,
      ...(passed ? {} : { reason: reason ?? 'see the table below' }),
    });
    const pg = run.postgres;
    const pgPassed = run.passed;
    const rows = [
      row(
        'compiled server, PostgreSQL',
        pg,
        `ready ≤ ${READY_LIMIT_MS / 1000} s, RSS ≤ ${RSS_LIMIT_MB} MB`,
        pgPassed,
        pg.readyMs > READY_LIMIT_MS
          ? `ready after ${seconds(pg.readyMs)} with ${pg.readyCpuMs === null ? '?' : seconds(pg.readyCpuMs)} of processor time: the wall time waits for a processor on a loaded machine (load ${run.load.toFixed(1)})`
          : undefined,
      ),
      row(
        'compiled server, embedded PGlite',
        run.pglite,
        'as close to PostgreSQL as it will go (report)',
        true,
      ),
    ];
    if (!Number.isFinite(pg.readyMs)) rows.push(failedRow('P6', 'the server did not start'));
    return { rows, notes: footprintLines(run) };
  },
};

export default bench;
