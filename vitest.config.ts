import { configDefaults, defineConfig } from 'vitest/config'
import ProjectTimes from './test/helpers/project-times.ts'

/**
 * Three projects, run one after the other (`groupOrder`) so that each one's wall time is its own:
 * - `unit`: files named `*.unit.test.ts`; no database is prepared, and opening one fails the test.
 * - `db`: every other test file outside `test/e2e/`; each file copies the prepared template database.
 * - `e2e`: the browser tests in `test/e2e/`; in CI (`CI` set) a failed one is retried once.
 * A new test file lands in `db` unless it says otherwise, so a forgotten suffix costs time, not a failure.
 */
const UNIT = ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts']
const E2E = ['test/e2e/**/*.test.ts']

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', new ProjectTimes()],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT,
          exclude: [...configDefaults.exclude, ...E2E],
          setupFiles: ['test/helpers/no-database.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT, ...E2E],
          globalSetup: ['test/helpers/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/helpers/global-setup.ts'],
          retry: process.env.CI ? 1 : 0,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
