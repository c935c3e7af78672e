#!/usr/bin/env node
// `npm run bench -- <scenario> [args]`: runs bench/<scenario>.ts, which prints JSON lines.
import fs from 'node:fs'
import { register } from 'tsx/esm/api'

const [scenario, ...rest] = process.argv.slice(2)
const available = fs
  .readdirSync(new URL('../bench/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
if (!scenario || !available.includes(scenario)) {
  console.error(`Usage: npm run bench -- <scenario>\nScenarios: ${available.join(', ')}`)
  process.exit(2)
}
register()
process.argv = [process.argv[0], scenario, ...rest]
await import(`../bench/${scenario}.ts`)
