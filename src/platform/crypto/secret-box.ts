import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/** AES-256-GCM for data encrypted at rest (TOTP secrets, passport numbers): "v1:iv:tag:data". */
export class SecretBox {
  private readonly key: Buffer
  private readonly indexKey: Buffer

  constructor(hexKey: string) {
    this.key = Buffer.from(hexKey, 'hex')
    if (this.key.length !== 32) throw new Error('The encryption key must be 32 bytes')
    this.indexKey = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), 'lingshi blind index', 32))
  }

  /** A keyed digest for exact-match search on a sealed value (e.g. a passport number). */
  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain).digest('base64url')
  }

  seal(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return [
      'v1',
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join(':')
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':')
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Not a sealed value')
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
  }
}
