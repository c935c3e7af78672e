import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256, withAttachmentsRuntime } from '../../../../test/helpers/attachments.ts'
import { exe, multipart, pdf, png, type UploadFile } from '../../../../test/helpers/files.ts'
import { expectProblem } from '../../../../test/helpers/http.ts'

const MAX_BYTES = 64 * 1024
const t = withAttachmentsRuntime({
  env: {
    ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
    ATTACHMENT_MAX_PER_CASE: '4',
    ATTACHMENT_MAX_CASE_BYTES: String(1024 * 1024),
  },
})

describe('POST /api/v1/cases/{id}/attachments refuses', () => {
  it('refuses programs, disguised files, mismatches and empty files, keeping nothing of the upload', async () => {
    const c = await t.newCase()
    const before = t.filesOnDisk()
    const refused: [UploadFile[], number, string][] = [
      [[{ name: 'report.pdf', type: 'application/pdf', content: exe() }], 415, 'attachment.type_not_allowed'],
      [
        [{ name: 'setup.exe', type: 'application/x-msdownload', content: exe() }],
        415,
        'attachment.type_not_allowed',
      ],
      [
        [
          {
            name: 'invoice.pdf',
            type: 'application/pdf',
            content: Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
          },
        ],
        415,
        'attachment.type_not_allowed',
      ],
      [
        [{ name: 'page.txt', type: 'text/plain', content: Buffer.from('  <html><body>hi</body></html>') }],
        415,
        'attachment.type_not_allowed',
      ],
      [
        [{ name: 'run.txt', type: 'text/plain', content: Buffer.from('#!/bin/sh\nrm -rf /\n') }],
        415,
        'attachment.type_not_allowed',
      ],
      [[{ name: 'photo.png', type: 'application/pdf', content: png() }], 415, 'attachment.type_mismatch'],
      [
        [{ name: 'scan.png', type: 'application/octet-stream', content: pdf() }],
        415,
        'attachment.type_mismatch',
      ],
      [[{ name: 'empty.pdf', type: 'application/pdf', content: Buffer.alloc(0) }], 400, 'attachment.empty'],
      // One bad file refuses the whole upload: the good PDF before it is not kept either.
      [
        [
          { name: 'good.pdf', type: 'application/pdf', content: pdf(`good ${Date.now()}`) },
          { name: 'bad.pdf', type: 'application/pdf', content: exe() },
        ],
        415,
        'attachment.type_not_allowed',
      ],
    ]
    for (const [files, status, code] of refused) expectProblem(await t.upload(c.id, files), status, code)
    const html = await t.upload(c.id, refused[2]?.[0] ?? [])
    expect(html.json().detectedType).toBe('text/html')
    expect(t.filesOnDisk()).toEqual(before)
    expect(await t.rowsOf(c.id)).toEqual([])
    expect(await t.kinds(c.id)).toEqual(['created'])
  })

  it('refuses a file over the limit with nothing left on disk and no row', async () => {
    const c = await t.newCase()
    const before = t.filesOnDisk()
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES + 1 - pdf().length, 0x20)])
    expect(big.length).toBe(MAX_BYTES + 1)
    const res = await t.upload(c.id, [{ name: 'big.pdf', type: 'application/pdf', content: big }])
    expectProblem(res, 413, 'attachment.too_large')
    expect(res.json().maxBytes).toBe(MAX_BYTES)
    const huge = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES * 3, 0x20)])
    expectProblem(await t.upload(c.id, [{ name: 'huge.pdf', content: huge }]), 413, 'attachment.too_large')
    const exact = Buffer.concat([
      pdf(`exact ${Date.now()}`),
      Buffer.alloc(MAX_BYTES - pdf(`exact ${Date.now()}`).length, 0x20),
    ])
    expect((await t.upload(c.id, [{ name: 'exact.pdf', content: exact }])).statusCode).toBe(201)
    expect(t.filesOnDisk().filter((f) => !before.includes(f))).toEqual([
      path.join(sha256(exact).slice(0, 2), sha256(exact)),
    ])
    expect((await t.rowsOf(c.id)).map((r) => r.file_name)).toEqual(['exact.pdf'])
  })

  it('answers a too large upload over a real connection before the client has sent it all', async () => {
    const c = await t.newCase()
    await t.runtime().app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.runtime().app.server.address() as { port: number }
    const send = (content: Buffer) => {
      const { payload, contentType } = multipart([{ name: 'x.pdf', type: 'application/pdf', content }])
      return fetch(`http://127.0.0.1:${port}/api/v1/cases/${c.id}/attachments`, {
        method: 'POST',
        headers: { cookie: t.staff.tokyo.cookie, 'content-type': contentType },
        body: payload,
      })
    }
    const refused = await send(Buffer.concat([pdf(), Buffer.alloc(8 * 1024 * 1024, 0x20)]))
    expect(refused.status).toBe(413)
    expect(refused.headers.get('connection')).toBe('close')
    expect(((await refused.json()) as { code: string }).code).toBe('attachment.too_large')
    expect((await send(pdf(`after ${Date.now()}`))).status).toBe(201)
    expect(t.filesOnDisk().filter((f) => f.startsWith('.staging'))).toEqual([])
  })

  it('holds at most the configured files per case, and refuses bodies that are not uploads', async () => {
    const c = await t.newCase()
    const four = [1, 2, 3, 4].map((i) => ({ name: `p${i}.png`, type: 'image/png', content: png() }))
    expect((await t.upload(c.id, four.slice(0, 3))).statusCode).toBe(201)
    expectProblem(await t.upload(c.id, four.slice(3).concat(four.slice(3))), 409, 'attachment.case_limit')
    expect((await t.upload(c.id, four.slice(3))).statusCode).toBe(201)
    expectProblem(await t.upload(c.id, [{ name: 'x.png', content: png() }]), 409, 'attachment.case_limit')
    expectProblem(await t.upload(c.id, []), 400, 'attachment.none')
    expectProblem(
      await t.call('POST', `/api/v1/cases/${c.id}/attachments`, t.staff.tokyo.cookie, { file: 'x' }),
      415,
      'attachment.not_multipart',
    )
    const broken = await t.runtime().app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { cookie: t.staff.tokyo.cookie, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off',
    })
    expectProblem(broken, 400, 'attachment.upload_broken')
    const noBoundary = await t.runtime().app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { cookie: t.staff.tokyo.cookie, 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    })
    expectProblem(noBoundary, 400, 'attachment.malformed')
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.pdf`, content: pdf() }))
    expectProblem(await t.upload(c.id, eleven), 413, 'attachment.too_many_files')
    expect(t.filesOnDisk().filter((f) => f.startsWith('.staging'))).toEqual([])
  })
})
