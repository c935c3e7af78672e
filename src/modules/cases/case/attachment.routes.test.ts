import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256, withAttachmentsRuntime } from '../../../../test/helpers/attachments.ts'
import { DOCX_TYPE, docx, pdf, png } from '../../../../test/helpers/files.ts'
import { expectProblem, registerCitizen } from '../../../../test/helpers/http.ts'
import { loadConfig } from '../../../config.ts'
import { listAudit } from '../../../platform/audit/audit.ts'

const t = withAttachmentsRuntime()

const UNKNOWN = '01900000-0000-7000-8000-000000000000'

describe('POST /api/v1/cases/{id}/attachments', () => {
  it('takes a PDF and a PNG, judged by content, stored by hash, listed and on the timeline', async () => {
    const c = await t.newCase()
    const scan = pdf('passport scan')
    const photo = png()
    const res = await t.upload(c.id, [
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
      uploadedBy: { id: t.staff.tokyo.userId },
      removed: null,
      downloadUrl: `/api/v1/cases/${c.id}/attachments/${a.id}`,
    })
    expect(b).toMatchObject({ name: 'photo.PNG', mediaType: 'image/png', size: photo.length })
    expect(t.filesOnDisk()).toEqual(
      expect.arrayContaining([
        path.join(a.sha256.slice(0, 2), a.sha256),
        path.join(b.sha256.slice(0, 2), b.sha256),
      ]),
    )
    expect(t.filesOnDisk().filter((f) => f.startsWith('.staging'))).toEqual([])

    const detail = (await t.call('GET', `/api/v1/cases/${c.id}`, t.staff.tokyo.cookie)).json()
    expect(detail.attachments.map((x: { id: string }) => x.id)).toEqual([a.id, b.id])
    expect(detail.firstResponseAt).not.toBeNull()
    const added = detail.timeline.filter((e: { kind: string }) => e.kind === 'attachment')
    expect(added).toEqual([
      expect.objectContaining({
        by: expect.objectContaining({ id: t.staff.tokyo.userId }),
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
    const list = await t.call('GET', `/api/v1/cases/${c.id}/attachments`, t.staff.operator.cookie)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json()).toMatchObject({
      items: [{ id: a.id }, { id: b.id }],
      limits: {
        maxBytes: 20 * 1024 * 1024,
        maxFiles: 200,
        accept: expect.arrayContaining(['.pdf', '.heic', '.docx']),
      },
    })
    const audit = await listAudit(t.runtime().ctx.db, {
      subjectId: c.id,
      action: 'case.attachment_add',
      limit: 10,
    })
    expect(audit.map((e) => e.details.attachmentId).sort()).toEqual([a.id, b.id].sort())
  })

  it('keeps identical content once, however many cases hold it', async () => {
    const content = pdf(`same ${Date.now()}`)
    const one = await t.newCase()
    const two = await t.newCase({ summary: 'Another' })
    const first = await t.upload(one.id, [{ name: 'a.pdf', type: 'application/pdf', content }])
    const second = await t.upload(two.id, [{ name: 'b.pdf', type: 'application/pdf', content }])
    expect(first.statusCode, first.body).toBe(201)
    expect(second.statusCode, second.body).toBe(201)
    expect(second.json().items[0].sha256).toBe(first.json().items[0].sha256)
    const hash = sha256(content)
    expect(t.filesOnDisk().filter((f) => f.endsWith(hash))).toEqual([path.join(hash.slice(0, 2), hash)])
    expect(
      fs.readFileSync(path.join(t.runtime().ctx.config.attachments.dir, hash.slice(0, 2), hash)),
    ).toEqual(content)
  })

  it('takes text, Word documents and files whose type the browser did not know', async () => {
    const c = await t.newCase()
    const res = await t.upload(c.id, [
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

  it('is for staff who may work the case: 401, 403, and 404 outside the scope', async () => {
    const c = await t.newCase()
    const citizen = await registerCitizen(t.runtime().app)
    const file = [{ name: 'a.pdf', type: 'application/pdf', content: pdf() }]
    expectProblem(await t.upload(c.id, file, citizen.cookie), 403, 'auth.forbidden')
    expectProblem(await t.upload(c.id, file, ''), 401, 'auth.unauthenticated')
    expectProblem(await t.upload(c.id, file, t.staff.paris.cookie), 404, 'case.not_found')
    expectProblem(await t.upload(UNKNOWN, file), 404, 'case.not_found')
    const ok = (await t.upload(c.id, file)).json().items[0]
    const url = `/api/v1/cases/${c.id}/attachments/${ok.id}`
    expectProblem(await t.call('GET', url, t.staff.paris.cookie), 404, 'case.not_found')
    expectProblem(await t.call('GET', url, citizen.cookie), 403, 'auth.forbidden')
    expectProblem(
      await t.call('GET', `/api/v1/cases/${c.id}/attachments`, t.staff.paris.cookie),
      404,
      'case.not_found',
    )
    expectProblem(await t.call('DELETE', url, t.staff.paris.cookie, { reason: 'x' }), 404, 'case.not_found')
    expectProblem(
      await t.call('GET', `/api/v1/cases/${c.id}/attachments/${UNKNOWN}`, t.staff.tokyo.cookie),
      404,
      'attachment.not_found',
    )
    const other = await t.newCase({ summary: 'Other case' })
    expectProblem(
      await t.call('GET', `/api/v1/cases/${other.id}/attachments/${ok.id}`, t.staff.tokyo.cookie),
      404,
      'attachment.not_found',
    )
    expectProblem(
      await t.call('GET', `/api/v1/cases/${c.id}/attachments/not-a-uuid`, t.staff.tokyo.cookie),
      400,
      'validation.failed',
    )
  })

  it('keeps need-to-know files to the team and duty officers', async () => {
    const c = await t.newCase(
      { type: 'kidnapping', summary: 'Taken near the border', team: [t.staff.tokyo.userId] },
      t.staff.duty.cookie,
    )
    const file = [{ name: 'ransom-note.jpg.png', type: 'image/png', content: png() }]
    const ok = await t.upload(c.id, file)
    expect(ok.statusCode, ok.body).toBe(201)
    const url = ok.json().items[0].downloadUrl
    expectProblem(await t.upload(c.id, file, t.staff.operator.cookie), 404, 'case.not_found')
    expectProblem(await t.call('GET', url, t.staff.operator.cookie), 404, 'case.not_found')
    expectProblem(
      await t.call('GET', `/api/v1/cases/${c.id}/attachments`, t.staff.operator.cookie),
      404,
      'case.not_found',
    )
    expect((await t.call('GET', url, t.staff.duty.cookie)).statusCode).toBe(200)
    expect((await t.upload(c.id, file, t.staff.duty.cookie)).statusCode).toBe(201)
  })
})

describe('GET /api/v1/cases/{id}/attachments/{attachmentId}', () => {
  it('returns the same bytes as a download, never inline, and audits it', async () => {
    const c = await t.newCase()
    const content = png(64)
    const name = '护照\u202Egnp.pdf <scan>.png'
    const up = await t.upload(c.id, [{ name, type: 'image/png', content }])
    expect(up.statusCode, up.body).toBe(201)
    const a = up.json().items[0]
    expect(a.name).toBe('护照gnp.pdf _scan_.png')
    const res = await t.call('GET', a.downloadUrl, t.staff.tokyo.cookie)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload).toEqual(content)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['content-length']).toBe(String(content.length))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="__gnp.pdf _scan_.png"; filename*=UTF-8''${encodeURIComponent('护照gnp.pdf _scan_.png')}`,
    )
    const audit = await listAudit(t.runtime().ctx.db, {
      subjectId: c.id,
      action: 'case.attachment_download',
      limit: 5,
    })
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: t.staff.tokyo.userId,
        details: expect.objectContaining({ attachmentId: a.id }),
      }),
    ])
  })
})

describe('DELETE /api/v1/cases/{id}/attachments/{attachmentId}', () => {
  it('removes with a reason: no longer served, still listed, on the timeline and in the audit log', async () => {
    const c = await t.newCase()
    const content = pdf(`wrong person ${Date.now()}`)
    const a = (await t.upload(c.id, [{ name: 'wrong.pdf', type: 'application/pdf', content }])).json()
      .items[0]
    const url = `/api/v1/cases/${c.id}/attachments/${a.id}`
    expectProblem(await t.call('DELETE', url, t.staff.tokyo.cookie, {}), 400, 'validation.failed')
    expectProblem(
      await t.call('DELETE', url, t.staff.tokyo.cookie, { reason: '  ' }),
      400,
      'validation.failed',
    )
    const res = await t.call('DELETE', url, t.staff.tokyo.cookie, { reason: 'Belongs to another person' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      id: a.id,
      downloadUrl: null,
      removed: { reason: 'Belongs to another person', by: { id: t.staff.tokyo.userId } },
    })
    expectProblem(
      await t.call('DELETE', url, t.staff.tokyo.cookie, { reason: 'again' }),
      409,
      'attachment.already_removed',
    )
    expectProblem(await t.call('GET', url, t.staff.tokyo.cookie), 410, 'attachment.removed')
    const list = (await t.call('GET', `/api/v1/cases/${c.id}/attachments`, t.staff.tokyo.cookie)).json()
    expect(list.items).toEqual([
      expect.objectContaining({
        id: a.id,
        removed: expect.objectContaining({ reason: 'Belongs to another person' }),
      }),
    ])
    const detail = (await t.call('GET', `/api/v1/cases/${c.id}`, t.staff.tokyo.cookie)).json()
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'attachment',
      'attachment_removed',
    ])
    expect(detail.timeline.at(-1)).toMatchObject({
      note: 'Belongs to another person',
      details: { attachmentId: a.id, name: 'wrong.pdf' },
    })
    const audit = await listAudit(t.runtime().ctx.db, {
      subjectId: c.id,
      action: 'case.attachment_remove',
      limit: 5,
    })
    expect(audit).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ attachmentId: a.id, reason: 'Belongs to another person' }),
      }),
    ])
    const hash = sha256(content)
    expect(fs.existsSync(path.join(t.runtime().ctx.config.attachments.dir, hash.slice(0, 2), hash))).toBe(
      true,
    )
  })
})

describe('attachment limits', () => {
  it('default to 20 MiB a file, from the environment otherwise', () => {
    expect(loadConfig({}).attachments).toMatchObject({ maxBytes: 20 * 1024 * 1024, maxPerCase: 200 })
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: 'lots' })).toThrow(/ATTACHMENT_MAX_BYTES/)
  })
})
