/**
 * The small Markdown of travel advice: paragraphs, `#`–`###` headings, `-`/`*` and `1.` lists,
 * **bold**, *italic*, and [links](https://…) to http(s), mailto: and tel: only. Parsed into a tree
 * that React renders as elements (never as HTML), so advice text cannot inject markup.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }

export type Block =
  | { kind: 'p'; lines: Inline[][] }
  | { kind: 'h'; level: 1 | 2 | 3; children: Inline[] }
  | { kind: 'ul' | 'ol'; items: Inline[][] }

const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i

export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let rest = text
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/
  while (rest) {
    const m = pattern.exec(rest)
    if (!m) {
      out.push({ kind: 'text', text: rest })
      break
    }
    if (m.index > 0) out.push({ kind: 'text', text: rest.slice(0, m.index) })
    if (m[1] !== undefined) out.push({ kind: 'strong', children: parseInline(m[1]) })
    else if (m[2] !== undefined) out.push({ kind: 'em', children: parseInline(m[2]) })
    else if (m[3] !== undefined && m[4] !== undefined)
      out.push(
        SAFE_HREF.test(m[4])
          ? { kind: 'link', href: m[4], children: parseInline(m[3]) }
          : { kind: 'text', text: m[0] },
      )
    rest = rest.slice(m.index + m[0].length)
  }
  return out
}

const BULLET = /^\s*[-*]\s+(.*)$/
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/
const HEADING = /^(#{1,3})\s+(.*)$/

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  let para: Inline[][] = []
  let list: { kind: 'ul' | 'ol'; items: Inline[][] } | null = null
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', lines: para })
    if (list) blocks.push(list)
    para = []
    list = null
  }
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd()
    const heading = HEADING.exec(line)
    const bullet = BULLET.exec(line)
    const numbered = bullet ? null : NUMBERED.exec(line)
    if (!line.trim()) flush()
    else if (heading?.[1] && heading[2] !== undefined) {
      flush()
      blocks.push({ kind: 'h', level: heading[1].length as 1 | 2 | 3, children: parseInline(heading[2]) })
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol'
      const text = (bullet ?? numbered)?.[1] ?? ''
      if (para.length || (list && list.kind !== kind)) flush()
      list ??= { kind, items: [] }
      list.items.push(parseInline(text))
    } else if (list && /^\s{2,}/.test(raw)) {
      list.items[list.items.length - 1]?.push({ kind: 'text', text: ` ${line.trim()}` })
    } else {
      if (list) flush()
      para.push(parseInline(line.trim()))
    }
  }
  flush()
  return blocks
}
