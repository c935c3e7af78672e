import { TextDecoder } from 'node:util'
import { ParseOption, XmlDocument, XmlParseError } from 'libxml2-wasm'

/**
 * XML from outside (alerts, hazard feeds) read safely: decoded by its byte-order mark or declared
 * encoding, refused outright if it carries a DOCTYPE (so no entity is ever expanded and no external
 * DTD or entity fetched), then parsed by libxml2 with network and external entities off.
 * libxml2-wasm itself reads no file or URL unless an input provider is registered, and none may be:
 * `xmlRegisterFsInputProviders` would let an `xsi:schemaLocation` in a sender's XML open local files.
 */

export type XmlInputProblem = 'not_xml' | 'bad_encoding' | 'dtd_refused'

export class XmlInputError extends Error {
  constructor(
    readonly problem: XmlInputProblem,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
    this.name = 'XmlInputError'
  }
}

const PARSE_OPTIONS =
  ParseOption.XML_PARSE_NONET |
  ParseOption.XML_PARSE_NO_XXE |
  ParseOption.XML_PARSE_NO_SYS_CATALOG |
  ParseOption.XML_PARSE_NOWARNING |
  ParseOption.XML_PARSE_BIG_LINES

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b)

/** The encoding named in `<?xml … encoding="…"?>`; the declaration is ASCII in every encoding read this way. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (!head.startsWith('<?xml')) return undefined
  const declaration = head.slice(0, head.indexOf('?>') + 2)
  return /\sencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(declaration)?.[2]
}

/**
 * Which encoding the bytes are in, following XML 1.0 appendix F: a BOM first, then the declaration,
 * else UTF-8 (`stated` false: nothing in the bytes said so).
 */
function detectEncoding(bytes: Uint8Array): { encoding: string; stated: boolean } {
  const stated = (encoding: string) => ({ encoding, stated: true })
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xfe, 0xff))
    return stated('utf-32')
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return stated('utf-8')
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0x3c, 0x00, 0x3f, 0x00)) return stated('utf-16le')
  if (startsWith(bytes, 0xfe, 0xff) || startsWith(bytes, 0x00, 0x3c, 0x00, 0x3f)) return stated('utf-16be')
  const declared = declaredEncoding(bytes)
  return declared ? stated(declared) : { encoding: 'utf-8', stated: false }
}

/** The document as text; a string is taken as already decoded. */
export function decodeXml(body: Uint8Array | string): string {
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '')
  if (body.length === 0) throw new XmlInputError('not_xml', 'The body is empty.')
  const { encoding, stated } = detectEncoding(body)
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding, { fatal: true })
  } catch {
    throw new XmlInputError('bad_encoding', `The encoding "${encoding}" is not supported; send UTF-8.`)
  }
  try {
    return decoder.decode(body)
  } catch {
    if (!stated)
      throw new XmlInputError('not_xml', 'Not XML: the bytes are not UTF-8 text and declare no encoding.')
    throw new XmlInputError(
      'bad_encoding',
      `The bytes are not valid ${encoding}; check the declared encoding.`,
    )
  }
}

const skipSpace = (text: string, from: number) => {
  let i = from
  while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i++
  return i
}

/**
 * Whether a document type declaration comes before the root element. It can appear nowhere else,
 * so only the prolog (declaration, processing instructions, comments) is read, never content.
 */
export function hasDoctype(text: string): boolean {
  let i = skipSpace(text, 0)
  while (i < text.length) {
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2)
      if (end < 0) return false
      i = end + 2
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end < 0) return false
      i = end + 3
    } else {
      return text.startsWith('<!', i)
    }
    i = skipSpace(text, i)
  }
  return false
}

const DTD_REFUSED =
  'The document has a DOCTYPE; DTDs and entity declarations are refused for safety. Send the XML without them.'

/** Parses untrusted XML. The caller must `dispose()` the document. */
export function parseUntrustedXml(body: Uint8Array | string): XmlDocument {
  const text = decodeXml(body)
  if (text.trim() === '') throw new XmlInputError('not_xml', 'The body is empty.')
  if (hasDoctype(text)) throw new XmlInputError('dtd_refused', DTD_REFUSED)
  let doc: XmlDocument
  try {
    doc = XmlDocument.fromBuffer(Buffer.from(text, 'utf8'), { encoding: 'utf-8', option: PARSE_OPTIONS })
  } catch (err) {
    if (!(err instanceof XmlParseError)) throw err
    const first = err.details[0]
    const where = first ? `line ${first.line}, column ${first.col}: ` : ''
    const what = (first?.message ?? err.message).trim()
    throw new XmlInputError('not_xml', `Not well-formed XML (${where}${what}).`, first?.line, first?.col)
  }
  if (doc.dtd !== null) {
    doc.dispose()
    throw new XmlInputError('dtd_refused', DTD_REFUSED)
  }
  return doc
}

/** Runs `read` on the parsed document and frees it afterwards, whatever happens. */
export function withUntrustedXml<T>(body: Uint8Array | string, read: (doc: XmlDocument) => T): T {
  const doc = parseUntrustedXml(body)
  try {
    return read(doc)
  } finally {
    doc.dispose()
  }
}
