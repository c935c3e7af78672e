import { describe, expect, it } from 'vitest'
import { interopFiles, readInterop } from '../../../../test/helpers/interop.ts'
import { AppError } from '../../../platform/errors/app-error.ts'
import type { CapAlert } from '../cap/cap.model.ts'
import { toCapXml } from '../cap/cap.write.ts'
import { parseCapXml } from '../cap/cap.xml.ts'
import { capXmlSchemaProblems } from '../cap/cap.xsd.ts'
import { parseGdacsRss } from './gdacs.ts'

const CORPUS = 'gdacs_rss_2019-12-30.xml'

const param = (alert: CapAlert | undefined, name: string) =>
  alert?.info[0]?.parameter.find((p) => p.valueName === name)?.value

/** One RSS item; `fields` are gdacs:* elements unless named with another prefix. */
function item(fields: Record<string, string>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => {
      const tag =
        name.includes(':') || ['title', 'pubDate', 'link', 'description'].includes(name)
          ? name
          : `gdacs:${name}`
      return `<${tag}>${value}</${tag}>`
    })
    .join('')
  return `<item>${body}</item>`
}

const rss = (...items: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:gdacs="http://www.gdacs.org" xmlns:georss="http://www.georss.org/georss"
  xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"><channel><title>GDACS</title>${items.join('')}</channel></rss>`

const quake = {
  title: 'Red earthquake alert',
  pubDate: 'Mon, 06 Feb 2023 01:17:00 GMT',
  eventtype: 'EQ',
  eventid: '1357372',
  episodeid: '1',
  alertlevel: 'Red',
  'georss:point': '37.17 37.03',
  bbox: '33.03 41.03 33.17 41.17',
  country: 'Turkey',
  iso3: 'TUR',
}

describe('parseGdacsRss on the interop corpus', () => {
  it('has a verdict for every feed file in the corpus', () => {
    const files = interopFiles('feeds')
    expect(files.filter((f) => f.startsWith('gdacs_'))).toEqual([CORPUS])
    expect(files.filter((f) => !f.startsWith('gdacs_') && !f.startsWith('usgs_'))).toEqual([])
  })

  it('reads the 30 December 2019 snapshot, BOM and all', () => {
    const bytes = readInterop('feeds', CORPUS)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const { alerts, skipped } = parseGdacsRss(bytes)
    expect(skipped).toEqual([])
    expect(alerts.map((a) => a.incidents)).toEqual(['TC1000643', 'EQ1199929', 'DR1013682', 'DR1013588'])
    expect(alerts.map((a) => a.info[0]?.event)).toEqual([
      'Tropical cyclone',
      'Earthquake',
      'Drought',
      'Drought',
    ])
    for (const alert of alerts) {
      const xml = toCapXml(alert)
      expect(capXmlSchemaProblems(xml)).toEqual([])
      expect(parseCapXml(xml)).toEqual(alert)
    }
  })

  it('maps the first item, cyclone CALVINIA-19', () => {
    const [calvinia] = parseGdacsRss(readInterop('feeds', CORPUS)).alerts
    expect(calvinia).toMatchObject({
      identifier: 'TC1000643-1',
      sender: 'gdacs.org',
      sent: '2019-12-29T12:00:00-00:00',
      incidents: 'TC1000643',
    })
    expect(calvinia?.info[0]).toMatchObject({
      category: ['Met'],
      severity: 'Minor',
      web: 'http://www.gdacs.org/report.aspx?eventtype=TC&eventid=1000643',
    })
    expect(calvinia?.info[0]?.headline).toContain('CALVINIA-19')
    expect(param(calvinia, 'gdacsEventName')).toBe('CALVINIA-19')
    expect(param(calvinia, 'gdacsVulnerability')).toBe('Medium')
    expect(param(calvinia, 'iso3166Alpha2')).toBe('MU')
    // The bbox frames the forecast track and misses the storm's own point, so the point is used.
    expect(calvinia?.info[0]?.area[0]).toMatchObject({
      areaDesc: 'Mauritius',
      polygon: [],
      circle: ['-19.4,59.8 300'],
    })
  })

  it('draws an earthquake as a circle by magnitude and a drought as its box', () => {
    const [, quakeAlert, drought] = parseGdacsRss(readInterop('feeds', CORPUS)).alerts
    expect(quakeAlert?.info[0]?.area[0]?.circle).toEqual(['-44.5653,37.087 56'])
    expect(quakeAlert?.identifier).toBe('EQ1199929-1287798')
    expect(drought?.info[0]?.area[0]).toMatchObject({
      areaDesc: 'Bulgaria, Iraq, Iran, Turkey',
      polygon: ['35.544,27.926 35.544,35.926 43.544,35.926 43.544,27.926 35.544,27.926'],
      circle: [],
    })
  })
})

describe('parseGdacsRss on hand-written items', () => {
  it('maps alert levels to CAP severity', () => {
    const levels = ['Green', 'Orange', 'Red', 'Purple']
    const feed = rss(...levels.map((alertlevel, i) => item({ ...quake, eventid: String(i), alertlevel })))
    expect(parseGdacsRss(feed).alerts.map((a) => a.info[0]?.severity)).toEqual([
      'Minor',
      'Severe',
      'Extreme',
      'Unknown',
    ])
  })

  it('skips items it cannot place or date, and keeps the rest', () => {
    const { alerts, skipped } = parseGdacsRss(
      rss(
        item(quake),
        item({ ...quake, eventtype: '' }),
        item({ ...quake, eventid: '2', 'georss:point': '95 10', bbox: 'a b c d' }),
        item({ ...quake, eventid: '3', pubDate: 'someday' }),
      ),
    )
    expect(alerts.map((a) => a.identifier)).toEqual(['EQ1357372-1'])
    expect(skipped.map((s) => s.id)).toEqual(['#1', 'EQ2', 'EQ3'])
    expect(skipped[1]?.reason).toMatch(/georss:point/)
  })

  it('reads geo:Point, an unknown event type, and a box across the antimeridian', () => {
    const { alerts } = parseGdacsRss(
      rss(
        item({
          ...quake,
          'georss:point': '',
          'geo:Point': '<geo:lat>-17.7</geo:lat><geo:long>178.1</geo:long>',
        }),
        item({
          ...quake,
          eventtype: 'TS',
          eventid: '9',
          bbox: '170 -170 -20 -10',
          'georss:point': '-15 179',
        }),
      ),
    )
    expect(alerts[0]?.info[0]?.area[0]?.circle[0]).toMatch(/^-17\.7,178\.1 /)
    expect(alerts[1]?.info[0]).toMatchObject({ category: ['Other'], event: 'GDACS event TS' })
    expect(alerts[1]?.info[0]?.area[0]).toMatchObject({ polygon: [], circle: ['-15,179 50'] })
  })

  it('throws on a body that is not GDACS RSS, and refuses a DTD', () => {
    const cases: Array<[string, string]> = [
      ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'feed.gdacs_invalid'],
      ['not xml at all', 'feed.not_xml'],
      ['<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel/></rss>', 'feed.dtd_refused'],
    ]
    for (const [body, code] of cases) {
      let caught: unknown
      try {
        parseGdacsRss(body)
      } catch (err) {
        caught = err
      }
      expect(caught).toBeInstanceOf(AppError)
      expect((caught as AppError).code).toBe(code)
    }
  })
})
