/** The base45 package (RFC 9285) ships no types; tests use it as an independent decoder. */
declare module 'base45' {
  const base45: { encode(bytes: Uint8Array | string): string; decode(text: string): Buffer }
  export default base45
}
