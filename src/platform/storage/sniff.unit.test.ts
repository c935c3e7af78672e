import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { sniff } from './sniff.ts'

const of = (bytes: Buffer) => sniff(() => Readable.from([bytes], { objectMode: false }))
const box = (brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}\0\0\0\0mif1${brand}`, 'latin1')])

describe('sniff', () => {
  it('knows photos by their magic numbers', async () => {
    expect(await of(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]))).toMatchObject({
      mime: 'image/jpeg',
    })
    expect(await of(Buffer.from('RIFF\x24\0\0\0WEBPVP8 ', 'latin1'))).toMatchObject({ mime: 'image/webp' })
    expect(await of(box('heic'))).toMatchObject({ mime: 'image/heic' })
  })

  it('takes text in UTF-8, GB 18030 and UTF-16, and calls markup and scripts what they are', async () => {
    expect(await of(Buffer.from('护照已找到\r\n'))).toEqual({ mime: 'text/plain', ext: 'txt' })
    expect(await of(Buffer.from([0xbb, 0xa4, 0xd5, 0xd5, 0x0a]))).toEqual({ mime: 'text/plain', ext: 'txt' })
    expect(await of(Buffer.from('\ufeff护照', 'utf16le'))).toEqual({ mime: 'text/plain', ext: 'txt' })
    expect(await of(Buffer.from('\ufeff\n  <b onmouseover=x>hi</b>'))).toMatchObject({ mime: 'text/html' })
    expect(await of(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({
      mime: 'image/svg+xml',
    })
    expect(await of(Buffer.from('#!/usr/bin/env python\n'))).toMatchObject({ mime: 'text/x-shellscript' })
  })

  it('says how text that starts like a binary format reads as text', async () => {
    expect(await of(Buffer.from('BMW hit my car on Tuesday.'))).toEqual({
      mime: 'image/bmp',
      ext: 'bmp',
      asText: { mime: 'text/plain', ext: 'txt' },
    })
    expect((await of(Buffer.from('MZ is where I live')))?.asText).toEqual({ mime: 'text/plain', ext: 'txt' })
    expect((await of(Buffer.from('%PDF-1.4\n%%EOF\n')))?.asText).toEqual({ mime: 'text/plain', ext: 'txt' })
  })

  it('knows nothing of binary data it cannot name', async () => {
    expect(await of(Buffer.from([1, 2, 3, 0, 5, 6, 7, 8]))).toBeUndefined()
  })
})
