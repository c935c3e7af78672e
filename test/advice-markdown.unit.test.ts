import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../web/src/advisories/markdown.ts'

describe('the Markdown of travel advice', () => {
  it('reads paragraphs, headings, lists, bold and links', () => {
    const blocks = parseMarkdown(
      '# Safety\nAvoid **crowds**.\nStay in.\n\n- one\n- [map](https://example.org)\n\n1. first',
    )
    expect(blocks.map((b) => b.kind)).toEqual(['h', 'p', 'ul', 'ol'])
    expect(blocks[1]).toEqual({
      kind: 'p',
      lines: [
        [
          { kind: 'text', text: 'Avoid ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'crowds' }] },
          { kind: 'text', text: '.' },
        ],
        [{ kind: 'text', text: 'Stay in.' }],
      ],
    })
    expect(blocks[2]).toMatchObject({
      items: [[{ text: 'one' }], [{ kind: 'link', href: 'https://example.org' }]],
    })
  })

  it('keeps a link to anything but http(s), mailto: or tel: as plain text', () => {
    const [p] = parseMarkdown('[click](javascript:alert(1)) <b>x</b>')
    expect(JSON.stringify(p)).not.toContain('"link"')
    expect(p).toMatchObject({ kind: 'p', lines: [[{ kind: 'text' }, { kind: 'text', text: ') <b>x</b>' }]] })
  })
})
