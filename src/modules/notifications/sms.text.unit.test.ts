import { describe, expect, it } from 'vitest'
import { MAX_SMS_SEGMENTS, smsSize, smsText } from './sms.text.ts'

describe('SMS text', () => {
  it('counts GSM-7 septets (extension characters twice) and UCS-2 units, with the multipart limits', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 })
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 })
    expect(smsSize('€'.repeat(80)).units).toBe(160)
    expect(smsSize('地'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 })
    expect(smsSize(`${'a'.repeat(100)}地`)).toEqual({ encoding: 'ucs2', units: 101, segments: 2 })
  })

  it('keeps the link whole and shortens the title to fit', () => {
    const link = 'https://lingshi.example/alerts/0193a1b2-0000-7000-8000-0000000000a1/answer?x=1'
    const text = smsText('地震预警'.repeat(100), '', link)
    expect(text.endsWith(`\n${link}`)).toBe(true)
    expect(text).toContain('…')
    expect(smsSize(text).segments).toBeLessThanOrEqual(MAX_SMS_SEGMENTS)
    const latin = smsText('Earthquake '.repeat(100), '', link)
    expect(latin).toContain('...')
    expect(smsSize(latin)).toMatchObject({ encoding: 'gsm7', segments: MAX_SMS_SEGMENTS })
  })

  it('sends title and body when there is no link', () => {
    expect(smsText('Flood warning', 'Move to higher ground.', null)).toBe(
      'Flood warning\nMove to higher ground.',
    )
  })
})
