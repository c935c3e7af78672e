/** RFC 5987 value characters: everything else is percent-encoded. */
const encodeExtValue = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * `attachment; filename="ascii fallback"; filename*=UTF-8''…` (RFC 6266): old clients read the
 * plain ASCII name, every current browser the UTF-8 one, so 护照.pdf keeps its name.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`
}
