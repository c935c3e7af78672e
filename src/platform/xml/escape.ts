const ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
  '\r': '&#13;',
}

/**
 * Characters XML 1.0 cannot carry at all, even as character references: C0 controls other than
 * tab, newline and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Escapes text for an XML element or a quoted attribute value. Characters that XML 1.0 cannot
 * represent become U+FFFD, so the output always parses; a carriage return is written as a
 * reference, since a parser would otherwise turn it into a newline.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[<>&'"\r]/g, (c) => ENTITIES[c] ?? c)
}
