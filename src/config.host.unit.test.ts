import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('HOST', () => {
  it('is the loopback addresses in demo mode unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('localhost')
    expect(loadConfig({}, { demo: true }).host).toBe('localhost')
    expect(loadConfig({ HOST: '0.0.0.0' }, { demo: true }).host).toBe('0.0.0.0')
  })

  it('is every address without demo mode', () => {
    expect(loadConfig({}, { demo: false }).host).toBe('0.0.0.0')
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/lingshi' }).host).toBe('0.0.0.0')
    expect(loadConfig({ HOST: '10.0.0.5' }, { demo: false }).host).toBe('10.0.0.5')
  })
})
