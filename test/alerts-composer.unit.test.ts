import { describe, expect, it } from 'vitest'
import { areaShapes } from '../src/modules/alerts/alert.area.ts'
import { createAlertBody } from '../src/modules/alerts/alert.schema.ts'
import type { CapAlert } from '../src/modules/alerts/cap/cap.model.ts'
import { parseCapPolygon, toCapPolygon } from '../web/src/alerts/cap.ts'
import { type ComposerValues, capBody, EMPTY_TEXT, fromCap } from '../web/src/console/alerts/capBody.ts'

const TOKYO: Array<[number, number]> = [
  [139.5, 35.5],
  [140, 35.5],
  [140, 35.9],
  [139.5, 35.9],
]

const values: ComposerValues = {
  category: ['Geo'],
  responseType: ['Shelter'],
  urgency: 'Immediate',
  severity: 'Severe',
  certainty: 'Observed',
  expiresIn: 24,
  safetyCheck: true,
  text: {
    'zh-CN': { ...EMPTY_TEXT, event: '地震', headline: '东京发生强烈地震', areaDesc: '东京' },
    en: { ...EMPTY_TEXT, event: 'Earthquake', headline: 'Strong earthquake in Tokyo', areaDesc: 'Tokyo' },
  },
}

describe('the console composer’s CAP', () => {
  it('is a body the API accepts, with the area as CAP writes it ("lat,lon", closed)', () => {
    const body = capBody(
      values,
      { polygons: [TOKYO], circles: [{ center: [139.7, 35.69], radiusKm: 5 }], countries: ['JP'] },
      { msgType: 'Alert', references: [], senderName: { 'zh-CN': '外交部', en: 'MFA' } },
    )
    const parsed = createAlertBody.safeParse(body)
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
    const area = body.info[0]?.area[0]
    expect(area?.polygon[0]).toBe('35.5,139.5 35.5,140 35.9,140 35.9,139.5 35.5,139.5')
    expect(area?.circle[0]).toBe('35.69,139.7 5')
    const shapes = areaShapes(parsed.data?.info.flatMap((i) => i.area) ?? [])
    expect(shapes).toMatchObject({ isoCountries: ['JP'], unplacedDescs: [] })
    expect(shapes.polygons[0]?.[0]).toEqual([139.5, 35.5])
    expect(body.info[0]?.expires).toMatch(/\+00:00$/)
    expect(body.info.map((i) => i.description)).toEqual([undefined, undefined])
  })

  it('reads an alert back into the composer, for an update', () => {
    const body = capBody(
      values,
      { polygons: [TOKYO], circles: [], countries: [] },
      { msgType: 'Alert', references: [], senderName: { 'zh-CN': '', en: '' } },
    )
    const again = fromCap({ identifier: 'x', sender: 'y', sent: 'z', ...body } as unknown as CapAlert)
    expect(again.area.polygons).toEqual([TOKYO])
    expect(again.values.text.en.headline).toBe('Strong earthquake in Tokyo')
    expect(again.values.text['zh-CN'].areaDesc).toBe('东京')
    expect(parseCapPolygon(toCapPolygon(TOKYO))).toEqual(TOKYO)
  })
})
