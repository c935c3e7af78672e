import type { Readable } from 'node:stream'
import { fileTypeFromStream } from 'file-type'

export interface Sniffed {
  /** What the bytes are, e.g. application/pdf; text/plain for text that is none of the below. */
  readonly mime: string
  readonly ext: string
  /**
   * Magic numbers are short: "BMW hit my car" starts like a bitmap, "MZ …" like a Windows program.
   * When the content is text all through, this says what it is read as text.
   */
  readonly asText?: Sniffed
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

async function startsWithByteOrderMark(read: () => Readable): Promise<boolean> {
  const stream = read()
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const [a, b, c] = chunk
      return (
        (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0xef && b === 0xbb && c === 0xbf)
      )
    }
    return false
  } finally {
    stream.destroy()
  }
}

/** What the content is, judged by its bytes (magic numbers, then text); undefined when unknown. */
export async function sniff(read: () => Readable): Promise<Sniffed | undefined> {
  // A byte-order mark means text; UTF-16's (FF FE) would otherwise pass for an MPEG audio frame.
  if (!(await startsWithByteOrderMark(read))) {
    const stream = read()
    try {
      const found = await fileTypeFromStream(stream)
      if (found) {
        const asText = await textOf(read)
        return { mime: found.mime, ext: found.ext, ...(asText ? { asText } : {}) }
      }
    } finally {
      stream.destroy()
    }
  }
  return textOf(read)
}

async function textOf(read: () => Readable): Promise<Sniffed | undefined> {
  const stream = read()
  try {
    return await sniffText(stream)
  } finally {
    stream.destroy()
  }
}
