import 'reflect-metadata'
import { createPrivateKey, type KeyObject, randomBytes, webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { kidOf, thumbprintOf } from './dcc/dcc.node.ts'
import { DCC_EKU } from './dcc/dcc.verify.ts'
import { ISSUING_COUNTRY } from './health.enums.ts'
import { healthError } from './health.errors.ts'
import type { SignerKeyRow } from './health.table.ts'
import { activeSignerKey, insertSignerKey, retireSignerKey } from './signer.repository.ts'
import { upsertTrustEntry } from './trust.repository.ts'
import { forgetVerifierState } from './trust.service.ts'

x509.cryptoProvider.set(webcrypto as never)

type CryptoKeyPair = webcrypto.CryptoKeyPair
type CryptoKey = webcrypto.CryptoKey

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
const YEAR_MS = 365.25 * 24 * 3600 * 1000
const ORG = `O=Lingshi Consular Health, C=${ISSUING_COUNTRY}`

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair
}

const serial = () => `01${randomBytes(15).toString('hex')}`

async function sealedKey(ctx: AppContext, keys: CryptoKeyPair): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as never))
  return ctx.secrets.seal(pkcs8.toString('base64'))
}

export function openPrivateKey(ctx: AppContext, row: Pick<SignerKeyRow, 'private_key_sealed'>): KeyObject {
  return createPrivateKey({
    key: Buffer.from(ctx.secrets.open(row.private_key_sealed), 'base64'),
    format: 'der',
    type: 'pkcs8',
  })
}

/** The country signing CA: P-256, a CA that signs certificates only, ten years. */
async function makeCsca(now: Date) {
  const keys = await newKeys()
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Lingshi CSCA, ${ORG}`,
    notBefore: now,
    notAfter: new Date(now.getTime() + 10 * YEAR_MS),
    signingAlgorithm: ALG,
    keys: keys as never,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ],
  })
  return { cert, keys }
}

/** A document signer: signed by the CSCA, digital signature only, EKU for the three certificate types, two years. */
async function makeDsc(csca: x509.X509Certificate, cscaKey: CryptoKey, now: Date) {
  const keys = await newKeys()
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=Lingshi DSC ${now.toISOString().slice(0, 10)}, ${ORG}`,
    issuer: csca.subject,
    notBefore: now,
    notAfter: new Date(now.getTime() + 2 * YEAR_MS),
    signingAlgorithm: ALG,
    signingKey: cscaKey as never,
    publicKey: keys.publicKey as never,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(csca.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
      new x509.ExtendedKeyUsageExtension([DCC_EKU.t[0], DCC_EKU.v[0], DCC_EKU.r[0]] as string[]),
    ],
  })
  return { cert, keys }
}

function rowOf(kind: 'csca' | 'dsc', cert: x509.X509Certificate, sealed: string) {
  const der = new Uint8Array(cert.rawData)
  return {
    id: uuidv7(),
    kind,
    kid: kidOf(der),
    certificate: Buffer.from(der).toString('base64'),
    private_key_sealed: sealed,
    not_before: cert.notBefore,
    not_after: cert.notAfter,
    active: true,
  }
}

async function storeDsc(ctx: AppContext, dsc: { cert: x509.X509Certificate; keys: CryptoKeyPair }) {
  const row = rowOf('dsc', dsc.cert, await sealedKey(ctx, dsc.keys))
  await ctx.db.transaction().execute(async (trx) => {
    await retireSignerKey(trx, 'dsc')
    await insertSignerKey(trx, row)
    const der = Buffer.from(row.certificate, 'base64')
    await upsertTrustEntry(trx, {
      thumbprint: thumbprintOf(der),
      kid: row.kid,
      country: ISSUING_COUNTRY,
      raw_data: row.certificate,
      not_before: row.not_before,
      not_after: row.not_after,
      own: true,
      added_by: null,
    })
  })
  forgetVerifierState(ctx)
  return row
}

export interface PkiResult {
  created: boolean
  cscaKid: string
  dscKid: string
}

/** `lingshi pki init`: a CSCA and a first DSC, unless there is one already (then nothing changes). */
export async function initPki(ctx: AppContext, now = new Date()): Promise<PkiResult> {
  const existing = await activeSignerKey(ctx.db, 'csca')
  const dsc = await activeSignerKey(ctx.db, 'dsc')
  if (existing && dsc) return { created: false, cscaKid: existing.kid, dscKid: dsc.kid }
  if (existing) return { created: true, cscaKid: existing.kid, dscKid: (await rotatePki(ctx, now)).dscKid }
  const csca = await makeCsca(now)
  const cscaRow = rowOf('csca', csca.cert, await sealedKey(ctx, csca.keys))
  await insertSignerKey(ctx.db, cscaRow)
  const row = await storeDsc(ctx, await makeDsc(csca.cert, csca.keys.privateKey, now))
  return { created: true, cscaKid: cscaRow.kid, dscKid: row.kid }
}

/** `lingshi pki rotate`: a new DSC signs from now on; the old one stays on the trust list. */
export async function rotatePki(ctx: AppContext, now = new Date()): Promise<PkiResult> {
  const cscaRow = await activeSignerKey(ctx.db, 'csca')
  if (!cscaRow) throw healthError('health.pki_not_initialised', 'Run "lingshi pki init" first')
  const csca = new x509.X509Certificate(Buffer.from(cscaRow.certificate, 'base64'))
  const pkcs8 = Buffer.from(ctx.secrets.open(cscaRow.private_key_sealed), 'base64')
  const cscaKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, ALG, false, ['sign'])
  const row = await storeDsc(ctx, await makeDsc(csca, cscaKey, now))
  return { created: true, cscaKid: cscaRow.kid, dscKid: row.kid }
}
