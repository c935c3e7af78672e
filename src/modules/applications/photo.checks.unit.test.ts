import { describe, expect, it } from 'vitest'
import { makePhoto } from '../../../test/helpers/photos.ts'
import { blockingFailures, checkPhoto } from './photo.checks.ts'

const LIMITS = { minBytes: 1_000, maxBytes: 5_000_000 }
const failed = async (bytes: Buffer, limits = LIMITS) =>
  blockingFailures(await checkPhoto(bytes, limits)).map((c) => c.code)

describe('photo checks', () => {
  it('passes a 3:4 colour photo on white and on light blue', async () => {
    expect(await failed(await makePhoto())).toEqual([])
    expect(await failed(await makePhoto({ background: '#dbeeff', format: 'png' }))).toEqual([])
  })

  it('refuses a format other than JPEG or PNG, and bytes that are not an image', async () => {
    expect(await failed(await makePhoto({ format: 'webp' }))).toContain('format')
    expect(await failed(Buffer.from('%PDF-1.7 not a photo'.repeat(100)))).toContain('format')
  })

  it('refuses a file outside the byte range of the mission', async () => {
    const photo = await makePhoto()
    expect(await failed(photo, { minBytes: photo.length + 1, maxBytes: photo.length * 2 })).toEqual(['bytes'])
    expect(await failed(photo, { minBytes: 1, maxBytes: photo.length - 1 })).toEqual(['bytes'])
  })

  it('refuses a photo below 354 × 472 pixels', async () => {
    expect(await failed(await makePhoto({ width: 300, height: 400 }))).toEqual(['dimensions'])
  })

  it('refuses an aspect more than 2% away from 3:4, accepts one within', async () => {
    expect(await failed(await makePhoto({ width: 480, height: 560 }))).toEqual(['aspect'])
    expect(await failed(await makePhoto({ width: 426, height: 560 }))).toEqual([])
  })

  it('refuses a background that is not plain white or light blue', async () => {
    expect(await failed(await makePhoto({ background: '#7a9a5a' }))).toEqual(['background'])
    expect(await failed(await makePhoto({ background: '#ffd0d0' }))).toEqual(['background'])
  })

  it('refuses a face region too dark or too bright', async () => {
    expect(await failed(await makePhoto({ face: '#1a1410' }))).toEqual(['exposure'])
    expect(await failed(await makePhoto({ face: '#fffaf6' }))).toContain('exposure')
  })

  it('refuses black and white', async () => {
    expect(await failed(await makePhoto({ grey: true }))).toEqual(['colour'])
  })
})
