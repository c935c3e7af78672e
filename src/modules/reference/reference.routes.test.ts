import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { loadMissionsFromFile, ReferenceFileError } from './reference.loader.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime()
})
afterAll(async () => {
  await rt?.close()
})

const get = (url: string) => rt.app.inject({ method: 'GET', url })

describe('countries', () => {
  it('lists every ISO 3166-1 country with zh-CN and English names, without paging', async () => {
    const res = await get('/api/v1/countries')
    expect(res.statusCode).toBe(200)
    const list = res.json() as Array<{ code: string; name: Record<string, string> }>
    expect(list.length).toBeGreaterThanOrEqual(249)
    const byCode = new Map(list.map((c) => [c.code, c]))
    expect(byCode.get('JP')?.name).toEqual({ 'zh-CN': '日本', en: 'Japan' })
    expect(byCode.get('HK')?.name['zh-CN']).toBe('中国香港')
    expect(byCode.get('MO')?.name['zh-CN']).toBe('中国澳门')
    expect(byCode.get('TW')?.name['zh-CN']).toBe('中国台湾')
  })

  it('returns one country by code, in any case', async () => {
    const res = await get('/api/v1/countries/fr')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ code: 'FR', name: { 'zh-CN': '法国', en: 'France' }, hasShape: true })
    expect(res.json().missions).toContain('FR-PAR-EMB')
    expectProblem(await get('/api/v1/countries/QQ'), 404, 'reference.unknown_country')
    expectProblem(await get('/api/v1/countries/FRA'), 400, 'validation.failed')
  })
})

describe('which country a coordinate lies in', () => {
  const places: Array<[string, number, number, string]> = [
    ['Singapore', 1.2903, 103.8519, 'SG'],
    ['Hong Kong', 22.2793, 114.1628, 'HK'],
    ['Macao', 22.1987, 113.5439, 'MO'],
    ['Monaco', 43.7384, 7.4246, 'MC'],
    ['Tokyo', 35.6812, 139.7671, 'JP'],
    ['Paris', 48.8566, 2.3522, 'FR'],
    ['Manhattan', 40.758, -73.9855, 'US'],
    ['Johor Bahru', 1.4927, 103.7414, 'MY'],
    ['Shenzhen', 22.5431, 114.0579, 'CN'],
  ]
  for (const [name, lat, lon, code] of places) {
    it(`puts ${name} in ${code}`, async () => {
      const res = await get(`/api/v1/geo/country-at?lat=${lat}&lon=${lon}`)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toEqual({ code })
    })
  }

  it('answers 404 in the open ocean and 400 out of range or malformed', async () => {
    expectProblem(await get('/api/v1/geo/country-at?lat=0&lon=-140'), 404, 'geo.no_country')
    expectProblem(await get('/api/v1/geo/country-at?lat=91&lon=0'), 400, 'validation.failed')
    expectProblem(await get('/api/v1/geo/country-at?lat=0&lon=181'), 400, 'validation.failed')
    expectProblem(await get('/api/v1/geo/country-at?lat=abc&lon=0'), 400, 'validation.failed')
    expectProblem(await get('/api/v1/geo/country-at?lat=0'), 400, 'validation.failed')
  })
})

describe('missions and consular districts', () => {
  it('lists embassies and consulates in at least 30 countries', async () => {
    const res = await get('/api/v1/missions')
    expect(res.statusCode).toBe(200)
    const missions = res.json() as Array<{ code: string; kind: string; country: string }>
    expect(new Set(missions.map((m) => m.country)).size).toBeGreaterThanOrEqual(30)
    expect(missions.filter((m) => m.kind !== 'embassy').length).toBeGreaterThanOrEqual(5)
    expect(missions.map((m) => m.code)).toEqual(expect.arrayContaining(['JP-TYO-EMB', 'FR-PAR-EMB']))
  })

  it('gives the embassy for its capital and a consulate for its own district', async () => {
    const at = async (lat: number, lon: number) =>
      (await get(`/api/v1/geo/mission-at?lat=${lat}&lon=${lon}`)).json()
    expect((await at(35.6812, 139.7671)).code).toBe('JP-TYO-EMB')
    expect((await at(48.8566, 2.3522)).code).toBe('FR-PAR-EMB')
    const osaka = await at(34.6937, 135.5023)
    expect(osaka.code).not.toBe('JP-TYO-EMB')
    const detail = (await get(`/api/v1/missions/${osaka.code}`)).json()
    expect(detail).toMatchObject({ country: 'JP', district: { hasArea: true } })
    expect(detail.kind).not.toBe('embassy')
  })

  it('places Hong Kong, Macao and mainland China outside every district', async () => {
    for (const [lat, lon] of [
      [22.2793, 114.1628],
      [22.1987, 113.5439],
      [39.9042, 116.4074],
    ]) {
      expectProblem(await get(`/api/v1/geo/mission-at?lat=${lat}&lon=${lon}`), 404, 'geo.no_mission')
    }
  })

  it('refuses a malformed mission file with its line and keeps the loaded list', async () => {
    const before = (await get('/api/v1/missions')).json().length
    const file = path.join(os.tmpdir(), `missions-${Date.now()}.csv`)
    fs.writeFileSync(
      file,
      'code,kind,country,name_zh,name_en,city_zh,city_en,address,phone,email,lat,lon,district_countries,district_geojson\n' +
        'XX-A-EMB,embassy,QQ,甲,A,甲,A,,,,10,10,QQ,\n',
    )
    const err = await loadMissionsFromFile(rt.ctx, file).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReferenceFileError)
    expect((err as ReferenceFileError).errors[0]?.line).toBe(2)
    expect((await get('/api/v1/missions')).json().length).toBe(before)
  })
})
