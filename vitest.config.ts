import { existsSync } from 'node:fs';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const databaseTests = ['src/server/**/*.test.ts', 'src/db/**/*.test.ts'];
/** Tests only PostgreSQL can run (several server processes on one database): the postgres project's alone. */
const postgresOnlyTests = '**/*.postgres.test.ts';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'unit',
      include: [
        'src/domain/**/*.test.ts',
        'src/contract/**/*.test.ts',
        'src/documents/**/*.test.ts',
        'bench/**/*.test.ts',
      ],
    },
  },
  {
    test: {
      name: 'pglite',
      include: databaseTests,
      exclude: [...configDefaults.exclude, postgresOnlyTests],
      env: { TEST_DB: 'pglite' },
      globalSetup: ['test/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
];

// The same database tests again on a real PostgreSQL server, each file on its own new database.
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: 'postgres',
      include: databaseTests,
      env: { TEST_DB: 'postgres' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}

// Browser tests need Chromium; under CI they must run, so a missing browser fails instead of vanishing.
if (existsSync(chromium) || process.env.CI) {
  projects.push({
    test: {
      name: 'e2e',
      include: ['test/e2e/**/*.test.ts'],
      env: { CHROMIUM_PATH: chromium },
      globalSetup: ['test/e2e/global-setup.ts'],
      fileParallelism: false,
      // The page re-renders after the server answers: wait for what it shows, do not read it at once.
      expect: { poll: { timeout: 10_000, interval: 100 } },
      testTimeout: 120_000,
      hookTimeout: 180_000,
    },
  });
} else {
  console.warn(
    `Không tìm thấy Chromium tại ${chromium}: bỏ qua kiểm thử trình duyệt (cài gói chromium để chạy).`,
  );
}

export default defineConfig({ test: { projects } });
