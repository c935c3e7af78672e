import type { TestCase, TestModule } from 'vitest/node'
import type { Reporter } from 'vitest/reporters'

interface Span {
  first: number
  last: number
  files: number
}

/**
 * Prints each project's wall time (first file started to last file ended) and the tests that
 * passed only on a retry, so CI logs show where the time goes and which browser tests are flaky.
 */
export default class ProjectTimes implements Reporter {
  private readonly spans = new Map<string, Span>()
  private readonly retried: string[] = []

  onTestModuleStart(module: TestModule): void {
    const name = module.project.name
    const span = this.spans.get(name)
    if (!span) this.spans.set(name, { first: Date.now(), last: Date.now(), files: 0 })
  }

  onTestModuleEnd(module: TestModule): void {
    const span = this.spans.get(module.project.name)
    if (!span) return
    span.last = Date.now()
    span.files += 1
  }

  onTestCaseResult(test: TestCase): void {
    const retries = test.diagnostic()?.retryCount ?? 0
    if (retries > 0 && test.result().state === 'passed')
      this.retried.push(`${test.module.relativeModuleId} > ${test.fullName} (passed on retry ${retries})`)
  }

  onTestRunEnd(): void {
    const prefix = process.env.CI ? 'ci: ' : ''
    const engine = process.env.TEST_DATABASE_URL ? 'server' : 'embedded'
    const lines: string[] = []
    for (const [name, span] of this.spans) {
      const seconds = Math.round((span.last - span.first) / 1000)
      const where = name === 'unit' ? '' : ` (${engine})`
      lines.push(`${prefix}project ${name}${where} ${seconds} s, ${span.files} files`)
    }
    for (const test of this.retried) lines.push(`${prefix}retried: ${test}`)
    if (lines.length) process.stdout.write(`\n${lines.join('\n')}\n`)
  }
}
