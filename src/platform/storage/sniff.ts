import type { Readable } from 'node:stream'
import { fileTypeFromStream } from 'file-type'

export interface Sniffed {
  /** What the bytes are, e.g. application/pdf; text/plain for text that is none of the below. */
  readonly mime: string
  readonly ext: string
}

/** Markup and scripts a browser or a shell would run, recognised by how they start (in order). */
const ACTIVE_TEXT: readonly [RegExp, Sniffed][] = [
  [/^#!/, { mime: 'text/x-shellscript', ext: 'sh' }],
  [/^<\?xml/i, { mime: 'application/xml', ext: 'xml' }],
  [/^<svg[\s>]/i, { mime: 'image/svg+xml', ext: 'svg' }],
  // Plain notes do not start with a tag; anything that does is treated as HTML.
  [/^</, { mime: 'text/html', ext: 'html' }],
]

const isBinaryByte = (b: number) =>
  b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b

/**
 * Text: UTF-16 with its byte-order mark, or bytes without NUL and other control characters
 * (so UTF-8 and legacy encodings such as GB 18030 both pass).
 */
async function sniffText(source: Readable): Promise<Sniffed | undefined> {
  let head = ''
  let first = true
  for await (const chunk of source as AsyncIterable<Buffer>) {
    if (first) {
      first = false
      if (
        chunk.length >= 2 &&
        ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
      )
        return { mime: 'text/plain', ext: 'txt' }
      head = chunk
        .subarray(0, 512)
        .toString('latin1')
        .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
        .trimStart()
    }
    for (const b of chunk) if (isBinaryByte(b)) return undefined
  }
  for (const [pattern, type] of ACTIVE_TEXT) if (pattern.test(head)) return type
  return { mime: 'text/plain', ext: 'txt' }
}

/** What the content is, judged by its bytes (magic numbers, then text); undefined when unknown. */
export async function sniff(read: () => Readable): Promise<Sniffed | undefined> {
  const stream = read()
  try {
    const found = await fileTypeFromStream(stream)
    if (found) return { mime: found.mime, ext: found.ext }
  } finally {
    stream.destroy()
  }
  const again = read()
  try {
    return await sniffText(again)
  } finally {
    again.destroy()
  }
}
