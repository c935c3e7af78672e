// Health certificates: issuance (sign, compress, encode) and verification of an HC1: string to a
// verdict, in process on one core against raw ES256 in the same run; then over HTTP at 50
// connections (verify: public route; issue: POST /health/doses, which also writes the dose and the
// certificate). `npm run bench -- health [--seconds 10] [--connections 50] [--engine embedded|server]
// [--only in-process|http]`
import 'reflect-metadata'
import { createHash, generateKeyPairSync, sign, verify, webcrypto } from 'node:crypto'
import { parseArgs } from 'node:util'
import { deflateSync, inflateSync } from 'node:zlib'
import * as x509 from '@peculiar/x509'
import autocannon from 'autocannon'
import { Decoder } from 'cbor-x'
import { loadConfig } from '../src/config.ts'
import { decodeBase45, encodeBase45 } from '../src/modules/health/dcc/base45.ts'
import {
  encodeHc1,
  isDccPayload,
  kidOf,
  nodeCbor,
  nodeTrustedKey,
  nodeVerifyEnv,
} from '../src/modules/health/dcc/dcc.node.ts'
import { verifyHc1 } from '../src/modules/health/dcc/dcc.verify.ts'
import { deflate, inflate } from '../src/modules/health/dcc/zlib.ts'
import { newUvci, vaccinationPayload } from '../src/modules/health/issue.ts'
import { openRuntime, prepareRuntime } from '../src/runtime.ts'
import { DEMO_CITIZEN_PROFILE, DEMO_PASSWORD, seedDemo } from '../src/seed/demo.ts'
import { login, startServer } from './registry/api.ts'
import { createBenchDatabase, type EngineName } from './registry/engine.ts'
import { emit, note, printSummary, progress } from './registry/report.ts'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    engine: { type: 'string', default: 'embedded' },
    'in-process-seconds': { type: 'string', default: '3' },
    only: { type: 'string' },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const engine = values.engine as EngineName
const spend = Number(values['in-process-seconds']) * 1000

/** Raw ES256 on one unloaded core of the reference machine (issue #11), for the projections. */
const NOMINAL_RAW_SIGN_PER_S = 43_700
const NOMINAL_RAW_VERIFY_PER_S = 15_900

type Op = () => unknown | Promise<unknown>

/**
 * Operations per second of each of `fns`, run in turns of 100 ms for `spend` ms each after a
 * warm-up: on a shared machine every one sees the same load, so their ratios hold even when the
 * absolute figures move with what else runs.
 */
async function rates<K extends string>(fns: Record<K, Op>): Promise<Record<K, number>> {
  const entries = Object.entries(fns) as Array<[K, Op]>
  const count = new Map<K, number>()
  const time = new Map<K, number>()
  for (const [, fn] of entries) for (let i = 0; i < 500; i++) await fn()
  const turns = Math.max(1, Math.round(spend / 100))
  for (let t = 0; t < turns; t++)
    for (const [k, fn] of entries) {
      let n = 0
      const start = performance.now()
      while (performance.now() - start < 100) {
        for (let i = 0; i < 50; i++) await fn()
        n += 50
      }
      count.set(k, (count.get(k) ?? 0) + n)
      time.set(k, (time.get(k) ?? 0) + performance.now() - start)
    }
  return Object.fromEntries(
    entries.map(([k]) => [k, Math.round((count.get(k) ?? 0) / ((time.get(k) ?? 1) / 1000))]),
  ) as Record<K, number>
}

async function inProcess() {
  x509.cryptoProvider.set(webcrypto as never)
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as never as {
    privateKey: never
    publicKey: never
  }
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=bench DSC, C=CN',
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    signingAlgorithm: alg,
    keys,
  })
  const der = new Uint8Array(cert.rawData)
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey))
  const { createPrivateKey } = await import('node:crypto')
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
  const signer = { kid: Buffer.from(kidOf(der), 'base64'), privateKey }
  const uvci = newUvci()
  const payload = vaccinationPayload(
    {
      surname: 'Müller',
      givenNames: 'Jürgen Óscar',
      dateOfBirth: '1980-07-01',
      product: 'EU/1/20/1528',
      manufacturer: 'ORG-100030215',
      doseNumber: 2,
      seriesDoses: 2,
      date: '2026-11-20',
      country: 'JP',
    },
    uvci,
  )
  const now = Math.floor(Date.now() / 1000)
  const times = { issuer: 'CN', issuedAt: now, expiresAt: now + 365 * 86_400 }
  const qr = encodeHc1(payload, times, signer)
  const key = nodeTrustedKey(der, 'CN')
  const env = nodeVerifyEnv(
    (kid) => (kid === null || kid === key.kid ? [key] : []),
    () => false,
  )
  const at = new Date()
  if (!(await verifyHc1(qr, at, env)).valid) throw new Error('the benchmark certificate does not verify')

  // Baseline: raw ES256 on a message of the Sig_structure's size, same key.
  const { privateKey: rawKey, publicKey: rawPub } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const message = Buffer.alloc(260, 7)
  const rawSig = sign('sha256', message, { key: rawKey, dsaEncoding: 'ieee-p1363' })
  const signing = await rates({
    raw: () => sign('sha256', message, { key: rawKey, dsaEncoding: 'ieee-p1363' }),
    issue: () => encodeHc1(payload, times, signer),
  })
  const verifying = await rates({
    raw: () => verify('sha256', message, { key: rawPub, dsaEncoding: 'ieee-p1363' }, rawSig),
    verify: () => verifyHc1(qr, at, env),
  })
  const { raw: rawSignPerS, issue: issuePerS } = signing
  const { raw: rawVerifyPerS, verify: verifyPerS } = verifying

  // Where the rest goes: each step alone.
  const compressed = decodeBase45(qr.slice(4))
  const cose = inflate(compressed)
  const decoder = new Decoder({ mapsAsObjects: false, useRecords: false })
  const steps = await rates({
    rawEs256Sign: () => sign('sha256', message, { key: rawKey, dsaEncoding: 'ieee-p1363' }),
    rawEs256Verify: () => verify('sha256', message, { key: rawPub, dsaEncoding: 'ieee-p1363' }, rawSig),
    deflate: () => deflate(cose),
    deflateNodeZlib9: () => deflateSync(cose, { level: 9 }),
    base45Encode: () => encodeBase45(compressed),
    cborEncode: () => nodeCbor.encode(new Map([[-260, new Map([[1, payload]])]])),
    inflate: () => inflate(compressed),
    inflateNode: () => inflateSync(compressed),
    base45Decode: () => decodeBase45(qr.slice(4)),
    cborDecode: () => decoder.decode(cose),
    schema: () => isDccPayload(payload),
    sha256: () => createHash('sha256').update(uvci).digest(),
  })
  const perOpUs = (perS: number) => +(1e6 / perS).toFixed(1)
  emit({
    case: 'in process, one core',
    qrChars: qr.length,
    coseBytes: cose.length,
    zlibBytes: compressed.length,
    nodeZlib9Bytes: deflateSync(cose, { level: 9 }).length,
    rawEs256SignPerS: rawSignPerS,
    rawEs256VerifyPerS: rawVerifyPerS,
    issuePerS,
    issueVsRawSign: +(issuePerS / rawSignPerS).toFixed(2),
    verifyPerS,
    verifyVsRawVerify: +(verifyPerS / rawVerifyPerS).toFixed(2),
    // The ratios applied to the issue's figures for raw ES256 on an unloaded core of this machine.
    issueAtNominalPerS: Math.round((issuePerS / rawSignPerS) * NOMINAL_RAW_SIGN_PER_S),
    verifyAtNominalPerS: Math.round((verifyPerS / rawVerifyPerS) * NOMINAL_RAW_VERIFY_PER_S),
  })
  emit({
    case: 'steps alone, microseconds each',
    ...Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, perOpUs(v)])),
  })
  note(
    `in process: issue ${issuePerS}/s (raw ES256 sign ${rawSignPerS}/s, ${Math.round((100 * issuePerS) / rawSignPerS)}%), ` +
      `verify ${verifyPerS}/s (raw verify ${rawVerifyPerS}/s, ${Math.round((100 * verifyPerS) / rawVerifyPerS)}%); QR ${qr.length} chars`,
  )
}

function figures(r: autocannon.Result) {
  return {
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  }
}

async function overHttp() {
  const db = await createBenchDatabase(engine)
  try {
    const env = {
      ...db.env,
      MFA_REQUIRED: 'false',
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_VERIFY_PER_MINUTE: '100000000',
      RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '100000',
    }
    const rt = await openRuntime(loadConfig(env, { demo: false }))
    try {
      await prepareRuntime(rt, { demo: false })
      await seedDemo(rt.ctx)
    } finally {
      await rt.close()
    }
    const server = await startServer(env, 18_900 + Math.floor(Math.random() * 300))
    try {
      const clinician = await login(server.url, 'clinician.tokyo@demo.lingshi', DEMO_PASSWORD)
      const me = (await (
        await fetch(`${server.url}/api/v1/me`, { headers: { cookie: clinician } })
      ).json()) as {
        healthSite: { id: string }
      }
      const found = (await (
        await fetch(`${server.url}/api/v1/health/people?passport=${DEMO_CITIZEN_PROFILE.passportNumber}`, {
          headers: { cookie: clinician },
        })
      ).json()) as { people: Array<{ id: string }> }
      const dose = JSON.stringify({
        personId: found.people[0]?.id,
        product: 'EU/1/20/1528',
        manufacturer: 'ORG-100030215',
        lot: 'FK1234',
        doseNumber: 1,
        seriesDoses: 2,
        date: new Date().toISOString().slice(0, 10),
        siteId: me.healthSite.id,
      })
      const headers = { cookie: clinician, 'content-type': 'application/json' }
      const issued = await fetch(`${server.url}/api/v1/health/doses`, { method: 'POST', headers, body: dose })
      if (issued.status !== 201) throw new Error(`dose: ${issued.status} ${await issued.text()}`)
      const citizen = await login(server.url, 'citizen@demo.lingshi', DEMO_PASSWORD)
      const certs = (await (
        await fetch(`${server.url}/api/v1/me/health/certificates`, { headers: { cookie: citizen } })
      ).json()) as Array<{ qr: string }>
      const verifyBody = JSON.stringify({ qr: certs[0]?.qr })
      progress(`HTTP: POST /api/v1/health/verify, ${connections} connections, ${seconds} s`)
      const v = figures(
        await autocannon({
          url: `${server.url}/api/v1/health/verify`,
          method: 'POST',
          connections,
          duration: seconds,
          headers: { 'content-type': 'application/json' },
          body: verifyBody,
        }),
      )
      emit({ engine, case: 'HTTP POST /api/v1/health/verify', connections, ...v })
      progress(`HTTP: POST /api/v1/health/doses, ${connections} connections, ${seconds} s`)
      const d = figures(
        await autocannon({
          url: `${server.url}/api/v1/health/doses`,
          method: 'POST',
          connections,
          duration: seconds,
          headers,
          body: dose,
        }),
      )
      emit({ engine, case: 'HTTP POST /api/v1/health/doses (dose + certificate written)', connections, ...d })
      emit({ engine, case: 'server process', peakRssMb: server.peakRssMb() })
      note(
        `HTTP (${engine}, ${connections} connections): verify ${v.rps}/s p99 ${v.p99Ms} ms; issue ${d.rps}/s p99 ${d.p99Ms} ms`,
      )
    } finally {
      await server.stop()
    }
  } finally {
    await db.drop()
  }
}

if (values.only !== 'http') await inProcess()
if (values.only !== 'in-process') await overHttp()
printSummary()
