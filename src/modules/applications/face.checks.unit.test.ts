import { createRequire } from 'node:module'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { makePhoto } from '../../../test/helpers/photos.ts'
import { checkFace } from './face.checks.ts'

// Photographs of people that ship with face-api (its demo folder): one face in sample2, two in sample1.
const demo = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')),
  'demo',
)
const sample = (name: string) => sharp(path.join(demo, name))
const verdict = async (bytes: Buffer) =>
  Object.fromEntries((await checkFace(bytes)).map((c) => [c.code, c.passed]))

describe('face checks (not blocking)', () => {
  it('pass a passport-style crop: one face, head 28–33 mm of 48, centred, eyes found', async () => {
    const crop = await sample('sample2.jpg')
      .extract({ left: 1408, top: 74, width: 306, height: 408 })
      .resize(426, 568)
      .jpeg()
      .toBuffer()
    expect(await verdict(crop)).toEqual({ face: true, head_size: true, centring: true, eyes: true })
  })

  it('fail the head size and centring of a wide shot with the face off to one side', async () => {
    expect(await verdict(await sample('sample2.jpg').jpeg().toBuffer())).toEqual({
      face: true,
      head_size: false,
      centring: false,
      eyes: true,
    })
  })

  it('fail with two faces, and with none', async () => {
    expect((await verdict(await sample('sample1.jpg').jpeg().toBuffer())).face).toBe(false)
    expect((await verdict(await makePhoto())).face).toBe(false)
    for (const c of await checkFace(await makePhoto())) expect(c.blocking).toBe(false)
  })
})
