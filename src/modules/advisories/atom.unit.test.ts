import { XmlDocument, type XmlElement } from 'libxml2-wasm'
import { describe, expect, it } from 'vitest'
import { advisoriesAtom, type FeedEntry } from './atom.ts'

const japan = {
  country: 'JP',
  version: 1,
  summary_zh: '注意 <安全> & 小心',
  summary_en: "Take care & don't",
  name_zh: '日本',
  name_en: 'Japan',
}

const entries: FeedEntry[] = [
  {
    ...japan,
    id: '0190b1e2-0000-7000-8000-000000000001',
    level: 2,
    published_at: new Date('2024-05-01T10:00:00Z'),
    region: null,
  },
  {
    ...japan,
    id: '0190b1e2-0000-7000-8000-000000000002',
    level: 0,
    published_at: new Date('2024-04-01T10:00:00Z'),
    region: { key: 'okinawa', name_zh: '冲绳', name_en: 'Okinawa', retired: true },
  },
]

describe('advisoriesAtom', () => {
  it('writes a well-formed Atom feed of advisory changes, escaped', () => {
    const xml = advisoriesAtom(entries, 'en', 'https://lingshi.example')
    const doc = XmlDocument.fromString(xml)
    try {
      const ns = { a: 'http://www.w3.org/2005/Atom' }
      expect(doc.get('/a:feed/a:updated', ns)?.content).toBe('2024-05-01T10:00:00.000Z')
      const titles = (doc.find('/a:feed/a:entry/a:title', ns) as XmlElement[]).map((t) => t.content)
      expect(titles).toEqual([
        'Japan: level 2, Travel with caution',
        'Japan, Okinawa: regional advisory lifted',
      ])
      expect(doc.get('/a:feed/a:entry[1]/a:summary', ns)?.content).toBe("Take care & don't")
      expect(doc.get('/a:feed/a:entry[2]/a:link/@href', ns)?.content).toBe(
        'https://lingshi.example/advisories/JP/regions/okinawa',
      )
    } finally {
      doc.dispose()
    }
    expect(advisoriesAtom(entries, 'zh-CN', 'https://lingshi.example')).toContain(
      '注意 &lt;安全&gt; &amp; 小心',
    )
  })
})
