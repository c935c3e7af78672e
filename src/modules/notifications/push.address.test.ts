import { describe, expect, it } from 'vitest'
import type { PushConfig } from '../../config.ts'
import { pushEndpointProblem } from './push.address.ts'

const config = (serviceHosts: PushConfig['serviceHosts'], allowedPorts = [443]): PushConfig => ({
  vapidKeys: undefined,
  vapidSubject: 'mailto:ops@lingshi.test',
  extraCa: undefined,
  serviceHosts,
  allowedPorts,
})
const problem = (endpoint: string, c: PushConfig) => pushEndpointProblem(new URL(endpoint), c)

describe('pushEndpointProblem', () => {
  const known = config(['fcm.googleapis.com', 'push.apple.com'])

  it('takes endpoints at a push service on 443', () => {
    expect(problem('https://fcm.googleapis.com/fcm/send/abc', known)).toBeNull()
    expect(problem('https://web.push.apple.com:443/Q1', known)).toBeNull()
  })

  it('refuses other ports unless configured', () => {
    expect(problem('https://fcm.googleapis.com:8443/fcm/send/abc', known)).toMatch(/port 443/)
    expect(problem('https://fcm.googleapis.com:22/', known)).toMatch(/port/)
    expect(
      problem('https://fcm.googleapis.com:8443/x', config(['fcm.googleapis.com'], [443, 8443])),
    ).toBeNull()
  })

  it('refuses hosts that are not push services', () => {
    expect(problem('https://169.254.169.254/latest', known)).toMatch(/not a known push service/)
    expect(problem('https://fcm.googleapis.com.evil.example/x', known)).toMatch(/not a known push service/)
  })

  it('refuses private and transition addresses when any host is allowed, unless the operator named them', () => {
    const any = config('*')
    for (const endpoint of [
      'https://127.0.0.1/x',
      'https://[2002:7f00:1::]/x',
      'https://[::ffff:10.0.0.1]/x',
    ])
      expect(problem(endpoint, any), endpoint).toMatch(/not a public address/)
    expect(problem('https://8.8.8.8/x', any)).toBeNull()
    expect(problem('https://127.0.0.1/x', config(['127.0.0.1']))).toBeNull()
  })
})
