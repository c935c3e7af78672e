import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertXml, refusal } from '../../../../test/helpers/cap-xml.ts'
import { parseCapXml } from './cap.xml.ts'

const NS = 'urn:oasis:names:tc:emergency:cap:1.2'

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE alert [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>`

/** An alert whose prolog is `prolog` and whose headline is `headline` (an entity reference, say). */
const withProlog = (prolog: string, headline = 'Avoid the embassy district') => alertXml({ prolog, headline })

describe('parseCapXml against hostile XML', () => {
  let server: http.Server
  let requests = 0
  let base = ''

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests++
      res.end('<!ENTITY leaked "FETCHED-FROM-SERVER">')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('refuses billion laughs without expanding it', () => {
    const err = refusal(() => parseCapXml(withProlog(BILLION_LAUGHS, '&lol9;')))
    expect(err.code).toBe('cap.dtd_refused')
    expect(err.status).toBe(400)
    expect(err.message).toContain('DOCTYPE')
    expect(err.message).not.toContain('lollol')
  })

  it('refuses an external entity and never reads the file', () => {
    const prolog = '<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    const err = refusal(() => parseCapXml(withProlog(prolog, '&xxe;')))
    expect(err.code).toBe('cap.dtd_refused')
    expect(JSON.stringify({ message: err.message, problems: err.problems })).not.toMatch(/root:|nologin/)
  })

  it('fetches nothing: no external DTD, entity, parameter entity or schema location', () => {
    const prologs = [
      `<!DOCTYPE alert SYSTEM "${base}/cap.dtd">`,
      `<!DOCTYPE alert PUBLIC "-//X//Y//EN" "${base}/public.dtd">`,
      `<!DOCTYPE alert [<!ENTITY xxe SYSTEM "${base}/entity">]>`,
      `<!DOCTYPE alert [<!ENTITY % remote SYSTEM "${base}/param"> %remote;]>`,
    ]
    for (const prolog of prologs) {
      const err = refusal(() => parseCapXml(withProlog(`<?xml version="1.0"?>\n${prolog}`, '&xxe;')))
      expect(err.code).toBe('cap.dtd_refused')
      expect(err.message).not.toContain('FETCHED-FROM-SERVER')
    }
    const hint = `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NS} ${base}/cap.xsd"`
    expect(parseCapXml(alertXml().replace(`xmlns="${NS}"`, `xmlns="${NS}" ${hint}`)).identifier).toBeTruthy()
    expect(requests).toBe(0)
  })

  it('refuses a DOCTYPE alone, wherever it hides in the prolog', () => {
    const prologs = [
      '<!DOCTYPE alert>',
      '<?xml version="1.0"?>\n<!-- a comment --><?pi data?>\n  <!DOCTYPE alert>',
      '<?xml version="1.0"?><!doctype alert>',
    ]
    for (const prolog of prologs)
      expect(refusal(() => parseCapXml(withProlog(prolog))).code).toBe('cap.dtd_refused')
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(withProlog('<!DOCTYPE alert>'), 'utf16le'),
    ])
    expect(refusal(() => parseCapXml(utf16)).code).toBe('cap.dtd_refused')
  })

  it('refuses an entity that no DTD declares, and markup after the root', () => {
    expect(refusal(() => parseCapXml(alertXml({ headline: '&xxe;' }))).code).toBe('cap.not_xml')
    expect(refusal(() => parseCapXml(`${alertXml()}<!DOCTYPE alert>`)).code).toBe('cap.not_xml')
  })

  it('refuses garbage, empty bodies and broken XML as not XML, saying where', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe, 0x81])
    for (const body of [png, 'just some words', '', '   \n ', Buffer.alloc(0), '{"identifier":"x"}']) {
      const err = refusal(() => parseCapXml(body))
      expect(err.code).toBe('cap.not_xml')
      expect(err.status).toBe(400)
    }
    const truncated = alertXml().slice(0, 300)
    const err = refusal(() => parseCapXml(truncated))
    expect(err.code).toBe('cap.not_xml')
    expect(err.message).toMatch(/line \d+, column \d+/)
  })

  it('refuses an encoding it cannot decode, or bytes that are not in the declared one', () => {
    const unknown = withProlog('<?xml version="1.0" encoding="x-no-such-charset"?>')
    expect(refusal(() => parseCapXml(Buffer.from(unknown))).code).toBe('cap.bad_encoding')
    const invalidUtf8 = Buffer.from(alertXml({ headline: '@@' }).replace('@@', '\u0000'))
    invalidUtf8[invalidUtf8.indexOf(0)] = 0xc3
    expect(refusal(() => parseCapXml(invalidUtf8)).code).toBe('cap.bad_encoding')
  })
})

describe('parseCapXml on the CAP rules beyond the schema', () => {
  const area = (shape: string) => `<areaDesc>Somewhere</areaDesc>${shape}`

  it('refuses polygons that are open, short, out of range or not numbers', () => {
    const cases: Array<[string, RegExp]> = [
      ['<polygon>1,1 1,2 2,2 2,1</polygon>', /not closed/],
      ['<polygon>1,1 1,2 1,1</polygon>', /at least 4 points/],
      ['<polygon>91,1 1,2 2,2 91,1</polygon>', /latitude 91/],
      ['<polygon>1,181 1,2 2,2 1,181</polygon>', /longitude 181/],
      ['<polygon>a,b 1,2 2,2 a,b</polygon>', /not two decimal numbers/],
      ['<polygon>1;1 1,2 2,2 1;1</polygon>', /not a "lat,lon" pair/],
    ]
    for (const [shape, reason] of cases) {
      const err = refusal(() => parseCapXml(alertXml({ area: area(shape) })))
      expect(err.code).toBe('cap.bad_polygon')
      expect(err.status).toBe(422)
      expect(err.problems[0]?.path).toBe('info[0].area[0].polygon[0]')
      expect(err.message).toMatch(reason)
    }
  })

  it('refuses circles without a radius, with a negative one or off the globe', () => {
    for (const circle of ['39.9,116.4', '39.9,116.4 -5', '39.9,200 5', '39.9,116.4 5 km']) {
      const err = refusal(() => parseCapXml(alertXml({ area: area(`<circle>${circle}</circle>`) })))
      expect(err.code).toBe('cap.bad_circle')
    }
  })

  it('lists every problem, named by the first', () => {
    const shapes = '<polygon>1,1 1,2 2,2 2,1</polygon><circle>39.9,116.4</circle>'
    const err = refusal(() => parseCapXml(alertXml({ area: area(shapes) })))
    expect(err.code).toBe('cap.bad_polygon')
    expect(err.problems.map((p) => p.code)).toEqual(['cap.bad_polygon', 'cap.bad_circle'])
    expect(err.extra).toMatchObject({ errors: err.problems })
  })

  it('refuses references that hold no sender,identifier,sent triplet', () => {
    for (const references of [
      'sender@x,ID-1',
      'sender@x,ID-1,yesterday',
      'a,b,2024-05-01T08:00:00+08:00,extra',
    ]) {
      const err = refusal(() => parseCapXml(alertXml({ msgType: 'Update', references })))
      expect(err.code).toBe('cap.bad_references')
      expect(err.message).toContain(references)
    }
  })

  it('refuses an Update or Cancel whose references are there but empty; an Alert may leave them empty', () => {
    for (const [msgType, references] of [
      ['Update', ''],
      ['Update', '  \n  '],
      ['Cancel', ''],
    ] as const) {
      const err = refusal(() => parseCapXml(alertXml({ msgType, references })))
      expect(err.code).toBe('cap.bad_references')
      expect(err.problems[0]).toMatchObject({ code: 'cap.bad_references', path: 'references' })
    }
    expect(parseCapXml(alertXml({ msgType: 'Alert', references: '' })).references).toEqual([])
  })

  it('refuses times without a zone, with "Z" or that do not exist', () => {
    for (const sent of ['2024-05-01T08:00:00', '2024-05-01T00:00:00Z', '2024-02-30T08:00:00+08:00']) {
      const err = refusal(() => parseCapXml(alertXml({ sent })))
      expect(err.code).toBe('cap.bad_date')
      expect(err.message).toContain('2024-05-01T08:00:00+08:00')
    }
  })

  it('refuses identifiers with spaces or commas', () => {
    for (const identifier of ['CN MFA 1', 'CN,MFA,1']) {
      expect(refusal(() => parseCapXml(alertXml({ identifier }))).code).toBe('cap.bad_identifier')
    }
  })

  it('refuses other versions of CAP by namespace, naming them', () => {
    const older = alertXml().replace(':cap:1.2', ':cap:1.1')
    const err = refusal(() => parseCapXml(older))
    expect(err.code).toBe('cap.wrong_namespace')
    expect(err.message).toContain('CAP 1.1')
  })

  it('refuses elements the schema does not allow, and content beyond the model', () => {
    const extension = '<x:extra xmlns:x="urn:example">1</x:extra>'
    expect(refusal(() => parseCapXml(alertXml({ trailer: extension }))).code).toBe('cap.schema_invalid')
    const err = refusal(() => parseCapXml(alertXml({ headline: 'x'.repeat(501) })))
    expect(err.code).toBe('cap.invalid_content')
    expect(err.problems[0]?.path).toBe('info[0].headline')
  })
})
