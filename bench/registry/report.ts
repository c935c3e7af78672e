// Figures go to stdout as JSON lines; progress and the human summary go to stderr.
import os from 'node:os'

const summary: string[] = []

/** Each figure carries the machine's load average: on a shared machine it explains much of the spread. */
export function emit(record: Record<string, unknown>): void {
  const load1 = +(os.loadavg()[0] ?? 0).toFixed(1)
  console.log(JSON.stringify({ scenario: process.argv[1], ...record, load1 }))
}

export function note(line: string): void {
  summary.push(line)
}

export function progress(line: string): void {
  process.stderr.write(`${line}\n`)
}

export function printSummary(): void {
  process.stderr.write(`\n${summary.join('\n')}\n`)
}

export const mib = (bytes: number) => +(bytes / 1_048_576).toFixed(1)
