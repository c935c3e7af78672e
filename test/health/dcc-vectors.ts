import { interopFiles, readInterop } from '../helpers/interop.ts'

/** A dgc-testdata vector: the QR text, the signer certificate, the time to verify at, the flags expected. */
export interface DccVector {
  name: string
  prefix: string
  certificate: string
  clock: string
  expected: Record<string, boolean>
}

/** The dgc-testdata EXPECTEDRESULTS flags and the checks of our verdict they name. */
export const FLAG_TO_CHECK = {
  EXPECTEDUNPREFIX: 'prefix',
  EXPECTEDB45DECODE: 'base45',
  EXPECTEDCOMPRESSION: 'zlib',
  EXPECTEDDECODE: 'cose',
  EXPECTEDVERIFY: 'signature',
  EXPECTEDKEYUSAGE: 'keyUsage',
  EXPECTEDEXPIRATIONCHECK: 'expiry',
  EXPECTEDSCHEMAVALIDATION: 'schema',
} as const

export function dccVectors(): DccVector[] {
  return interopFiles('dcc').map((name) => {
    const v = JSON.parse(readInterop('dcc', name).toString('utf8'))
    return {
      name,
      prefix: v.PREFIX,
      certificate: v.TESTCTX.CERTIFICATE,
      clock: v.TESTCTX.VALIDATIONCLOCK,
      expected: v.EXPECTEDRESULTS,
    }
  })
}

/** The flags of a vector that map onto our checks, as [check, expected] pairs. */
export function expectedChecks(v: DccVector): Array<[string, boolean]> {
  return Object.entries(v.expected).flatMap(([flag, value]) => {
    const check = FLAG_TO_CHECK[flag as keyof typeof FLAG_TO_CHECK]
    return check ? [[check, value] as [string, boolean]] : []
  })
}
