import { cpus, totalmem } from 'node:os';
import { benchServerFootprint } from './server-footprint.js';

/** `npm run bench:p6`: only P6 (start time and memory), without the national tree of `npm run bench`. */
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const cpu = cpus();
const machine = `- CPU: ${cpu[0]?.model ?? 'không rõ'} × ${cpu.length}, RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}`;
if (!(await benchServerFootprint(serverUrl, machine))) process.exitCode = 1;
