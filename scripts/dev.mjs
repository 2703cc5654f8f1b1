// `npm run dev`: the API restarted on every change (tsx watch) beside Vite's dev server with hot reload.
// Stopping one (or pressing Ctrl+C) stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { binOf, ROOT } from './tools.mjs';

const children = [];
let stopping = false;

function run(label, args) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${label} đã dừng (${signal ?? `mã ${code}`}): dừng nốt các tiến trình còn lại.`);
      stopAll(code ?? 1);
    } else if (children.every((each) => each.exitCode !== null || each.signalCode !== null)) {
      process.exit(process.exitCode ?? 0);
    }
  });
}

function stopAll(exitCode, signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
  if (children.every((each) => each.exitCode !== null || each.signalCode !== null)) process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0, signal));

run('API (tsx watch)', [binOf('tsx'), 'watch', '--clear-screen=false', 'src/server/main.ts']);
if (existsSync(join(ROOT, 'vite.config.ts'))) {
  run('Vite', [binOf('vite')]);
} else {
  console.warn('Chưa có vite.config.ts: chỉ chạy API, không chạy máy chủ phát triển giao diện.');
}
