import { createHash } from 'node:crypto'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { signerOf } from './application.rules.ts'
import { batchArchive } from './batch.archive.ts'
import { signPayment, verifyPayment } from './payment.signature.ts'

describe('the batch archive', () => {
  const at = new Date('2026-12-07T10:00:00Z')
  const files = [
    { path: 'LS1/application.json', bytes: Buffer.from('{"reference":"LS1"}') },
    { path: 'LS1/photo.jpg', bytes: Buffer.from([0xff, 0xd8, 1, 2, 3]) },
  ]

  it('holds every file and a manifest with the SHA-256 and size of each; the same input, the same bytes', () => {
    const { bytes, manifest } = batchArchive(files, { batch: 'b1' }, at)
    const out = unzipSync(new Uint8Array(bytes))
    expect(Object.keys(out).sort()).toEqual(['LS1/application.json', 'LS1/photo.jpg', 'manifest.json'])
    const m = JSON.parse(new TextDecoder().decode(out['manifest.json']))
    expect(m.batch).toBe('b1')
    expect(m.files).toEqual(manifest)
    for (const f of files) {
      expect(Buffer.from(out[f.path] as Uint8Array)).toEqual(f.bytes)
      expect(manifest.find((e) => e.path === f.path)).toEqual({
        path: f.path,
        sha256: createHash('sha256').update(f.bytes).digest('hex'),
        size: f.bytes.length,
      })
    }
    expect(batchArchive(files, { batch: 'b1' }, at).bytes.equals(bytes)).toBe(true)
  })
})

describe('who signs', () => {
  const today = new Date()
  const born = (years: number) => `${today.getUTCFullYear() - years}-01-01`
  it('a guardian for a dependant under 10, the applicant otherwise', () => {
    expect(signerOf({ dependant_id: 'd', form: { dateOfBirth: born(4) } })).toBe('guardian')
    expect(signerOf({ dependant_id: 'd', form: { dateOfBirth: born(12) } })).toBe('applicant')
    expect(signerOf({ dependant_id: null, form: { dateOfBirth: born(4) } })).toBe('applicant')
  })
})

describe('the payment signature', () => {
  it('signs the parameters in name order and refuses any change', () => {
    const params = { order: 'o1', amount: '10.00', currency: 'JPY', merchant: 'm' }
    const signature = signPayment(params, 'k'.repeat(32))
    expect(
      signPayment({ merchant: 'm', currency: 'JPY', amount: '10.00', order: 'o1' }, 'k'.repeat(32)),
    ).toBe(signature)
    expect(verifyPayment({ ...params, signature }, 'k'.repeat(32))).toBe(true)
    expect(verifyPayment({ ...params, amount: '1.00', signature }, 'k'.repeat(32))).toBe(false)
    expect(verifyPayment({ ...params, signature }, 'x'.repeat(32))).toBe(false)
    expect(verifyPayment({ ...params, signature: 'zz' }, 'k'.repeat(32))).toBe(false)
  })
})
