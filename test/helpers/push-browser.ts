import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  type ECDH,
  randomBytes,
  verify,
} from 'node:crypto'

/** What a browser keeps for one push subscription: its P-256 key pair and 16-byte auth secret. */
export interface BrowserKeys {
  readonly ecdh: ECDH
  readonly authSecret: Buffer
  /** The `keys` member of `PushSubscription.toJSON()`. */
  readonly json: { p256dh: string; auth: string }
}

export function createBrowserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const authSecret = randomBytes(16)
  return {
    ecdh,
    authSecret,
    json: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
  }
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest()

/**
 * Decrypts a Web Push message body as the browser does: RFC 8188 `aes128gcm` framing with the
 * keys derived per RFC 8291 §3.3–3.4.
 */
export function decryptPushBody(body: Buffer, keys: BrowserKeys): Buffer {
  // RFC 8188 §2.1 header: salt (16) | record size (uint32) | idlen (1) | keyid — the sender's public key.
  const salt = body.subarray(0, 16)
  const rs = body.readUInt32BE(16)
  const idlen = body.readUInt8(20)
  const asPublic = body.subarray(21, 21 + idlen)
  if (idlen !== 65 || asPublic[0] !== 0x04)
    throw new Error(`keyid is not a P-256 public key (${idlen} bytes)`)
  const records = body.subarray(21 + idlen)

  // RFC 8291 §3.3: combine the shared secret with the auth secret.
  const uaPublic = keys.ecdh.getPublicKey()
  const ecdhSecret = keys.ecdh.computeSecret(asPublic)
  const prkKey = hmac(keys.authSecret, ecdhSecret)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic])
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]))
  // RFC 8291 §3.4 / RFC 8188 §2.2–2.3: content-encryption key and nonce from the salt.
  const prk = hmac(salt, ikm)
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1')).subarray(0, 16)
  const baseNonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'latin1')).subarray(0, 12)

  const parts: Buffer[] = []
  for (let seq = 0, at = 0; at < records.length; seq++, at += rs) {
    const record = records.subarray(at, Math.min(at + rs, records.length))
    const nonce = Buffer.from(baseNonce)
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8)
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
    decipher.setAuthTag(record.subarray(record.length - 16))
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()])
    // Padding: content, one delimiter (0x02 in the last record, 0x01 before it), then zeros.
    let end = plain.length - 1
    while (end >= 0 && plain[end] === 0) end--
    const last = at + rs >= records.length
    if (plain[end] !== (last ? 2 : 1)) throw new Error(`bad padding delimiter in record ${seq}`)
    parts.push(plain.subarray(0, end))
  }
  return Buffer.concat(parts)
}

export interface VapidClaims {
  aud: string
  sub: string
  exp: number
}

/**
 * Checks an `Authorization: vapid t=<JWT>, k=<key>` header as a push service would (RFC 8292):
 * an ES256 JWT signed by `k`, for this service's origin, expiring within 24 hours.
 */
export function verifyVapid(authorization: string | undefined, pushServiceOrigin: string) {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '')
  if (!m?.[1] || !m[2]) throw new Error(`not a vapid Authorization header: ${authorization}`)
  const [h, p, s] = m[1].split('.') as [string, string, string]
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg: string; typ?: string }
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as VapidClaims
  const raw = Buffer.from(m[2], 'base64url')
  if (raw.length !== 65 || raw[0] !== 0x04) throw new Error('k is not an uncompressed P-256 key')
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  })
  const signatureValid = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  )
  if (header.alg !== 'ES256') throw new Error(`alg ${header.alg}`)
  if (!signatureValid) throw new Error('VAPID signature does not verify')
  if (claims.aud !== pushServiceOrigin) throw new Error(`aud ${claims.aud} is not ${pushServiceOrigin}`)
  const now = Math.floor(Date.now() / 1000)
  if (!(claims.exp > now && claims.exp <= now + 86_400)) throw new Error(`exp ${claims.exp} not within 24 h`)
  return { claims, publicKey: m[2] }
}
