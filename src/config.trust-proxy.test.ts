import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('TRUST_PROXY', () => {
  it('is read with the rest of the environment: off unless set, and a bad value names the variable', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false)
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(ConfigError)
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/)
  })
})
