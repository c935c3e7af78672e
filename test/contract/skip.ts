/**
 * The contract tests run once, on the embedded engine (CI runs the suite on both; these need not).
 * `CONTRACT_TESTS_ON_SERVER=1` runs them against `TEST_DATABASE_URL` all the same.
 */
export function skipOnServer(what: string): boolean {
  const skip = Boolean(process.env.TEST_DATABASE_URL) && process.env.CONTRACT_TESTS_ON_SERVER !== '1'
  if (skip)
    console.info(
      `${what}: skipped on the PostgreSQL server (TEST_DATABASE_URL is set); it runs on the embedded engine. Set CONTRACT_TESTS_ON_SERVER=1 to run it here.`,
    )
  return skip
}
