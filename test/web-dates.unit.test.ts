import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../web/src/lib/dates.ts'

describe('dates as the app writes them', () => {
  it('writes a day as 7 Dec 2026 in English and 2026年12月7日 in Chinese, on that calendar day', () => {
    expect(formatDate('2026-12-07', 'en')).toBe('7 Dec 2026')
    expect(formatDate('2026-12-07', 'zh-CN')).toBe('2026年12月7日')
    expect(formatDate('2026-01-31', 'en')).toBe('31 Jan 2026')
  })

  it('adds the time on 24 hours after the date', () => {
    const at = new Date(2026, 11, 7, 9, 5)
    expect(formatDateTime(at, 'en')).toBe('7 Dec 2026, 09:05')
    expect(formatDateTime(at, 'zh-CN')).toBe('2026年12月7日 09:05')
  })
})
