import { runServerFootprintBench } from './server-footprint.js';

/** `npm run bench:p6`: only P6 (start time and memory), without the national tree of `npm run bench`. */
await runServerFootprintBench(
  process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres',
);
