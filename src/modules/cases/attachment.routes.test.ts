import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Staff, startCasesRuntime, TOKYO } from '../../../test/helpers/cases.ts'
import { DOCX_TYPE, docx, exe, multipart, pdf, png, type UploadFile } from '../../../test/helpers/files.ts'
import { caller, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import type { TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { loadConfig } from '../../config.ts'
import { listAudit } from '../../platform/audit/audit.ts'

const MAX_BYTES = 64 * 1024
let rt: TestRuntime
let staff: Staff
beforeAll(async () => {
  ;({ rt, staff } = await startCasesRuntime({
    env: {
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
      ATTACHMENT_MAX_PER_CASE: '4',
      ATTACHMENT_MAX_CASE_BYTES: String(1024 * 1024),
    },
  }))
})
afterAll(async () => {
  await rt?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)
const UNKNOWN = '01900000-0000-7000-8000-000000000000'
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function newCase(body: object = {}, cookie = staff.operator.cookie) {
  const res = await call('POST', '/api/v1/cases', cookie, {
    type: 'medical',
    summary: 'In hospital',
    ...TOKYO,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

function upload(caseId: string, files: UploadFile[], cookie = staff.tokyo.cookie) {
  const { payload, contentType } = multipart(files)
  return rt.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/attachments`,
    headers: { cookie, 'content-type': contentType },
    payload,
  })
}

/** Every file under the attachments directory, staging included. */
function filesOnDisk(): string[] {
  const root = rt.ctx.config.attachments.dir
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort()
}

const rowsOf = (caseId: string) =>
  rt.ctx.db.selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).execute()
const kinds = async (caseId: string) =>
  (await call('GET', `/api/v1/cases/${caseId}`, staff.duty.cookie))
    .json()
    .timeline.map((e: { kind: string }) => e.kind)

describe('POST /api/v1/cases/{id}/attachments', () => {
  it('takes a PDF and a PNG, judged by content, stored by hash, listed and on the timeline', async () => {
    const c = await newCase()
    const scan = pdf('passport scan')
    const photo = png()
    const res = await upload(c.id, [
      { name: '护照 扫描.pdf', type: 'application/pdf', content: scan },
      { name: 'photo.PNG', type: 'image/png', content: photo },
    ])
    expect(res.statusCode, res.body).toBe(201)
    const [a, b] = res.json().items
    expect(a).toMatchObject({
      name: '护照 扫描.pdf',
      mediaType: 'application/pdf',
      size: scan.length,
      sha256: sha256(scan),
      uploadedBy: { id: staff.tokyo.userId },
      removed: null,
      downloadUrl: `/api/v1/cases/${c.id}/attachments/${a.id}`,
    })
    expect(b).toMatchObject({ name: 'photo.PNG', mediaType: 'image/png', size: photo.length })
    expect(filesOnDisk()).toEqual(
      expect.arrayContaining([
        path.join(a.sha256.slice(0, 2), a.sha256),
        path.join(b.sha256.slice(0, 2), b.sha256),
      ]),
    )
    expect(filesOnDisk().filter((f) => f.startsWith('.staging'))).toEqual([])

    const detail = (await call('GET', `/api/v1/cases/${c.id}`, staff.tokyo.cookie)).json()
    expect(detail.attachments.map((x: { id: string }) => x.id)).toEqual([a.id, b.id])
    expect(detail.firstResponseAt).not.toBeNull()
    const added = detail.timeline.filter((e: { kind: string }) => e.kind === 'attachment')
    expect(added).toEqual([
      expect.objectContaining({
        by: expect.objectContaining({ id: staff.tokyo.userId }),
        details: expect.objectContaining({
          attachmentId: a.id,
          name: '护照 扫描.pdf',
          mediaType: 'application/pdf',
        }),
      }),
      expect.objectContaining({
        details: expect.objectContaining({ attachmentId: b.id, name: 'photo.PNG' }),
      }),
    ])
    const list = await call('GET', `/api/v1/cases/${c.id}/attachments`, staff.operator.cookie)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json()).toMatchObject({
      items: [{ id: a.id }, { id: b.id }],
      limits: {
        maxBytes: MAX_BYTES,
        maxFiles: 4,
        accept: expect.arrayContaining(['.pdf', '.heic', '.docx']),
      },
    })
    const audit = await listAudit(rt.ctx.db, { subjectId: c.id, action: 'case.attachment_add', limit: 10 })
    expect(audit.map((e) => e.details.attachmentId).sort()).toEqual([a.id, b.id].sort())
  })

  it('keeps identical content once, however many cases hold it', async () => {
    const content = pdf(`same ${Date.now()}`)
    const one = await newCase()
    const two = await newCase({ summary: 'Another' })
    const first = await upload(one.id, [{ name: 'a.pdf', type: 'application/pdf', content }])
    const second = await upload(two.id, [{ name: 'b.pdf', type: 'application/pdf', content }])
    expect(first.statusCode, first.body).toBe(201)
    expect(second.statusCode, second.body).toBe(201)
    expect(second.json().items[0].sha256).toBe(first.json().items[0].sha256)
    const hash = sha256(content)
    expect(filesOnDisk().filter((f) => f.endsWith(hash))).toEqual([path.join(hash.slice(0, 2), hash)])
    expect(fs.readFileSync(path.join(rt.ctx.config.attachments.dir, hash.slice(0, 2), hash))).toEqual(content)
  })

  it('takes text, Word documents and files whose type the browser did not know', async () => {
    const c = await newCase()
    const res = await upload(c.id, [
      { name: 'notes.txt', type: 'text/plain', content: Buffer.from('Called the hospital.\n医院已联系。\n') },
      { name: 'letter.docx', type: DOCX_TYPE, content: docx() },
      { name: 'scan', content: pdf('no extension') },
    ])
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().items.map((a: { name: string; mediaType: string }) => [a.name, a.mediaType])).toEqual([
      ['notes.txt', 'text/plain'],
      ['letter.docx', DOCX_TYPE],
      ['scan.pdf', 'application/pdf'],
    ])
  })

  it('refuses programs, disguised files, mismatches and empty files, keeping nothing of the upload', async () => {
    const c = await newCase()
    const before = filesOnDisk()
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
    for (const [files, status, code] of refused) expectProblem(await upload(c.id, files), status, code)
    const html = await upload(c.id, refused[2]?.[0] ?? [])
    expect(html.json().detectedType).toBe('text/html')
    expect(filesOnDisk()).toEqual(before)
    expect(await rowsOf(c.id)).toEqual([])
    expect(await kinds(c.id)).toEqual(['created'])
  })

  it('refuses a file over the limit with nothing left on disk and no row', async () => {
    const c = await newCase()
    const before = filesOnDisk()
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES + 1 - pdf().length, 0x20)])
    expect(big.length).toBe(MAX_BYTES + 1)
    const res = await upload(c.id, [{ name: 'big.pdf', type: 'application/pdf', content: big }])
    expectProblem(res, 413, 'attachment.too_large')
    expect(res.json().maxBytes).toBe(MAX_BYTES)
    const huge = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES * 3, 0x20)])
    expectProblem(await upload(c.id, [{ name: 'huge.pdf', content: huge }]), 413, 'attachment.too_large')
    const exact = Buffer.concat([
      pdf(`exact ${Date.now()}`),
      Buffer.alloc(MAX_BYTES - pdf(`exact ${Date.now()}`).length, 0x20),
    ])
    expect((await upload(c.id, [{ name: 'exact.pdf', content: exact }])).statusCode).toBe(201)
    expect(filesOnDisk().filter((f) => !before.includes(f))).toEqual([
      path.join(sha256(exact).slice(0, 2), sha256(exact)),
    ])
    expect((await rowsOf(c.id)).map((r) => r.file_name)).toEqual(['exact.pdf'])
  })

  it('holds at most the configured files per case, and refuses bodies that are not uploads', async () => {
    const c = await newCase()
    const four = [1, 2, 3, 4].map((i) => ({ name: `p${i}.png`, type: 'image/png', content: png() }))
    expect((await upload(c.id, four.slice(0, 3))).statusCode).toBe(201)
    expectProblem(await upload(c.id, four.slice(3).concat(four.slice(3))), 409, 'attachment.case_limit')
    expect((await upload(c.id, four.slice(3))).statusCode).toBe(201)
    expectProblem(await upload(c.id, [{ name: 'x.png', content: png() }]), 409, 'attachment.case_limit')
    expectProblem(await upload(c.id, []), 400, 'attachment.none')
    expectProblem(
      await call('POST', `/api/v1/cases/${c.id}/attachments`, staff.tokyo.cookie, { file: 'x' }),
      415,
      'attachment.not_multipart',
    )
    const broken = await rt.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { cookie: staff.tokyo.cookie, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off',
    })
    expectProblem(broken, 400, 'attachment.upload_broken')
    const noBoundary = await rt.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      headers: { cookie: staff.tokyo.cookie, 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    })
    expectProblem(noBoundary, 400, 'attachment.malformed')
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.pdf`, content: pdf() }))
    expectProblem(await upload(c.id, eleven), 413, 'attachment.too_many_files')
    expect(filesOnDisk().filter((f) => f.startsWith('.staging'))).toEqual([])
  })

  it('is for staff who may work the case: 401, 403, and 404 outside the scope', async () => {
    const c = await newCase()
    const citizen = await registerCitizen(rt.app)
    const file = [{ name: 'a.pdf', type: 'application/pdf', content: pdf() }]
    expectProblem(await upload(c.id, file, citizen.cookie), 403, 'auth.forbidden')
    expectProblem(await upload(c.id, file, ''), 401, 'auth.unauthenticated')
    expectProblem(await upload(c.id, file, staff.paris.cookie), 404, 'case.not_found')
    expectProblem(await upload(UNKNOWN, file), 404, 'case.not_found')
    const ok = (await upload(c.id, file)).json().items[0]
    const url = `/api/v1/cases/${c.id}/attachments/${ok.id}`
    expectProblem(await call('GET', url, staff.paris.cookie), 404, 'case.not_found')
    expectProblem(await call('GET', url, citizen.cookie), 403, 'auth.forbidden')
    expectProblem(
      await call('GET', `/api/v1/cases/${c.id}/attachments`, staff.paris.cookie),
      404,
      'case.not_found',
    )
    expectProblem(await call('DELETE', url, staff.paris.cookie, { reason: 'x' }), 404, 'case.not_found')
    expectProblem(
      await call('GET', `/api/v1/cases/${c.id}/attachments/${UNKNOWN}`, staff.tokyo.cookie),
      404,
      'attachment.not_found',
    )
    const other = await newCase({ summary: 'Other case' })
    expectProblem(
      await call('GET', `/api/v1/cases/${other.id}/attachments/${ok.id}`, staff.tokyo.cookie),
      404,
      'attachment.not_found',
    )
    expectProblem(
      await call('GET', `/api/v1/cases/${c.id}/attachments/not-a-uuid`, staff.tokyo.cookie),
      400,
      'validation.failed',
    )
  })

  it('keeps need-to-know files to the team and duty officers', async () => {
    const c = await newCase(
      { type: 'kidnapping', summary: 'Taken near the border', team: [staff.tokyo.userId] },
      staff.duty.cookie,
    )
    const file = [{ name: 'ransom-note.jpg.png', type: 'image/png', content: png() }]
    const ok = await upload(c.id, file)
    expect(ok.statusCode, ok.body).toBe(201)
    const url = ok.json().items[0].downloadUrl
    expectProblem(await upload(c.id, file, staff.operator.cookie), 404, 'case.not_found')
    expectProblem(await call('GET', url, staff.operator.cookie), 404, 'case.not_found')
    expectProblem(
      await call('GET', `/api/v1/cases/${c.id}/attachments`, staff.operator.cookie),
      404,
      'case.not_found',
    )
    expect((await call('GET', url, staff.duty.cookie)).statusCode).toBe(200)
    expect((await upload(c.id, file, staff.duty.cookie)).statusCode).toBe(201)
  })
})

describe('GET /api/v1/cases/{id}/attachments/{attachmentId}', () => {
  it('returns the same bytes as a download, never inline, and audits it', async () => {
    const c = await newCase()
    const content = png(64)
    const name = '护照\u202Egnp.pdf <scan>.png'
    const up = await upload(c.id, [{ name, type: 'image/png', content }])
    expect(up.statusCode, up.body).toBe(201)
    const a = up.json().items[0]
    expect(a.name).toBe('护照gnp.pdf _scan_.png')
    const res = await call('GET', a.downloadUrl, staff.tokyo.cookie)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload).toEqual(content)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['content-length']).toBe(String(content.length))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="__gnp.pdf _scan_.png"; filename*=UTF-8''${encodeURIComponent('护照gnp.pdf _scan_.png')}`,
    )
    const audit = await listAudit(rt.ctx.db, {
      subjectId: c.id,
      action: 'case.attachment_download',
      limit: 5,
    })
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: staff.tokyo.userId,
        details: expect.objectContaining({ attachmentId: a.id }),
      }),
    ])
  })
})

describe('DELETE /api/v1/cases/{id}/attachments/{attachmentId}', () => {
  it('removes with a reason: no longer served, still listed, on the timeline and in the audit log', async () => {
    const c = await newCase()
    const content = pdf(`wrong person ${Date.now()}`)
    const a = (await upload(c.id, [{ name: 'wrong.pdf', type: 'application/pdf', content }])).json().items[0]
    const url = `/api/v1/cases/${c.id}/attachments/${a.id}`
    expectProblem(await call('DELETE', url, staff.tokyo.cookie, {}), 400, 'validation.failed')
    expectProblem(await call('DELETE', url, staff.tokyo.cookie, { reason: '  ' }), 400, 'validation.failed')
    const res = await call('DELETE', url, staff.tokyo.cookie, { reason: 'Belongs to another person' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      id: a.id,
      downloadUrl: null,
      removed: { reason: 'Belongs to another person', by: { id: staff.tokyo.userId } },
    })
    expectProblem(
      await call('DELETE', url, staff.tokyo.cookie, { reason: 'again' }),
      409,
      'attachment.already_removed',
    )
    expectProblem(await call('GET', url, staff.tokyo.cookie), 410, 'attachment.removed')
    const list = (await call('GET', `/api/v1/cases/${c.id}/attachments`, staff.tokyo.cookie)).json()
    expect(list.items).toEqual([
      expect.objectContaining({
        id: a.id,
        removed: expect.objectContaining({ reason: 'Belongs to another person' }),
      }),
    ])
    const detail = (await call('GET', `/api/v1/cases/${c.id}`, staff.tokyo.cookie)).json()
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'attachment',
      'attachment_removed',
    ])
    expect(detail.timeline.at(-1)).toMatchObject({
      note: 'Belongs to another person',
      details: { attachmentId: a.id, name: 'wrong.pdf' },
    })
    const audit = await listAudit(rt.ctx.db, { subjectId: c.id, action: 'case.attachment_remove', limit: 5 })
    expect(audit).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ attachmentId: a.id, reason: 'Belongs to another person' }),
      }),
    ])
    const hash = sha256(content)
    expect(fs.existsSync(path.join(rt.ctx.config.attachments.dir, hash.slice(0, 2), hash))).toBe(true)
  })
})

describe('attachment limits', () => {
  it('default to 20 MiB a file, from the environment otherwise', () => {
    expect(loadConfig({}).attachments).toMatchObject({ maxBytes: 20 * 1024 * 1024, maxPerCase: 200 })
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: 'lots' })).toThrow(/ATTACHMENT_MAX_BYTES/)
  })
})
