import { describe, expect, it } from 'vitest'
import { listCountries } from './country.catalog.ts'
import { loadCountryShapes } from './country.shapes.ts'
import { CSV_COLUMNS, parseMissionFile } from './mission.file.ts'

const known = new Set(['JP', 'FR', 'MC'])
const header = CSV_COLUMNS.join(',')

describe('mission files', () => {
  it('reads a CSV with a quoted GeoJSON district', () => {
    const area = JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [134, 33],
          [137, 33],
          [137, 36],
          [134, 33],
        ],
      ],
    })
    const csv = `${header}\nJP-OSA-CG,consulate_general,jp,大阪总领馆,CG Osaka,大阪,Osaka,,,,34.6,135.5,,"${area.replaceAll('"', '""')}"\n`
    const result = parseMissionFile(csv, 'csv', known)
    expect(result).toMatchObject({ ok: true, missions: [{ code: 'JP-OSA-CG', country: 'JP', lat: 34.6 }] })
  })

  it('names every bad line and field, and loads nothing', () => {
    const csv = [
      header,
      'JP-TYO-EMB,embassy,JP,驻日本使馆,Embassy Tokyo,东京,Tokyo,,,,35.6,139.7,JP,',
      'FR-PAR-EMB,palace,FR,驻法国使馆,Embassy Paris,巴黎,Paris,,,,48.8,,FR,',
      'JP-TYO-EMB,embassy,QQ,x,x,x,x,,,,,,QQ,',
    ].join('\n')
    const result = parseMissionFile(csv, 'csv', known)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const lines = result.errors.map((e) => e.line)
    expect(lines).not.toContain(2)
    expect(lines).toEqual(expect.arrayContaining([3, 4]))
    expect(result.errors.find((e) => e.line === 3 && e.field === 'kind')).toBeDefined()
    expect(result.errors.find((e) => e.line === 4 && /duplicate/.test(e.reason))).toBeDefined()
  })

  it('refuses JSON that is not a list and an open ring', () => {
    expect(parseMissionFile('{"x":1}', 'json', known)).toMatchObject({ ok: false })
    expect(parseMissionFile('not json', 'json', known)).toMatchObject({ ok: false, errors: [{ line: 1 }] })
    const open = [
      {
        code: 'JP-OSA-CG',
        kind: 'consulate_general',
        country: 'JP',
        name: { 'zh-CN': '甲', en: 'A' },
        city: { 'zh-CN': '甲', en: 'A' },
        district: {
          areas: [
            {
              type: 'Polygon',
              coordinates: [
                [
                  [1, 1],
                  [2, 1],
                  [2, 2],
                  [1, 2],
                ],
              ],
            },
          ],
        },
      },
    ]
    const result = parseMissionFile(JSON.stringify(open), 'json', known)
    expect(result).toMatchObject({ ok: false, errors: [{ line: 1, field: 'district.areas' }] })
  })
})

describe('country catalogue and shapes', () => {
  it('has every ISO code once, with Chinese names for the regions of China', () => {
    const list = listCountries()
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length)
    const hk = list.find((c) => c.code === 'HK')
    expect(hk).toMatchObject({ regionOfChina: true, callingCode: '+852', name: { 'zh-CN': '中国香港' } })
    expect(list.find((c) => c.code === 'CN')?.regionOfChina).toBe(false)
  })

  it('ships a 10m shape for the small places coarser sets lose', () => {
    const codes = new Set(loadCountryShapes().map((s) => s.code))
    for (const code of ['SG', 'HK', 'MO', 'MC', 'XK', 'VA']) expect(codes.has(code), code).toBe(true)
  })
})
