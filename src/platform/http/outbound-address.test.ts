import { describe, expect, it } from 'vitest'
import { isPublicAddress, portOf } from './outbound-address.ts'

describe('isPublicAddress', () => {
  it('takes public unicast addresses', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.215.14',
      '2606:4700:4700::1111',
      '2001:4860:4860::8888',
    ])
      expect(isPublicAddress(address), address).toBe(true)
  })

  it('refuses private, loopback, link-local, shared, multicast, documentation and reserved IPv4', () => {
    for (const address of [
      '0.0.0.0',
      '10.1.2.3',
      '100.64.0.1',
      '127.0.0.1',
      '169.254.169.254',
      '172.16.0.1',
      '192.0.0.8',
      '192.0.2.1',
      '192.168.1.1',
      '198.18.0.1',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.1',
      '240.0.0.1',
      '255.255.255.255',
    ])
      expect(isPublicAddress(address), address).toBe(false)
  })

  it('refuses local and special IPv6', () => {
    for (const address of [
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fec0::1',
      'ff02::1',
      '2001:db8::1',
      '100::1',
    ])
      expect(isPublicAddress(address), address).toBe(false)
  })

  it('refuses IPv6 transition and mapped forms of private addresses', () => {
    for (const address of [
      '2002:7f00:1::', // 6to4 of 127.0.0.1
      '2002:a00:1::1', // 6to4 of 10.0.0.1
      '2002:808:808::1', // 6to4 at all (deprecated relays)
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
      '64:ff9b::a00:1', // NAT64 of 10.0.0.1
      '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
      '64:ff9b:1::a00:1', // local-use NAT64
      '::ffff:127.0.0.1', // IPv4-mapped
      '::ffff:a9fe:a9fe', // IPv4-mapped 169.254.169.254
      '::127.0.0.1', // IPv4-compatible
      '::808:808', // IPv4-compatible, even of a public address
      '::ffff:0:7f00:1', // SIIT
    ])
      expect(isPublicAddress(address), address).toBe(false)
  })

  it('judges mapped and NAT64 forms of public addresses as those addresses', () => {
    expect(isPublicAddress('::ffff:8.8.8.8')).toBe(true)
    expect(isPublicAddress('64:ff9b::808:808')).toBe(true)
  })

  it('takes canonical addresses only', () => {
    for (const text of ['127.1', '0x7f.0.0.1', '2130706433', 'localhost', '', 'fe80::1%eth0'])
      expect(isPublicAddress(text), text).toBe(false)
  })
})

describe('portOf', () => {
  it('reads the written port, or the scheme default', () => {
    expect(portOf(new URL('https://a.example/'))).toBe(443)
    expect(portOf(new URL('https://a.example:443/'))).toBe(443)
    expect(portOf(new URL('https://a.example:8443/'))).toBe(8443)
    expect(portOf(new URL('http://a.example/'))).toBe(80)
  })
})
