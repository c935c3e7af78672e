import { createHash } from 'node:crypto'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { submittedRenewal } from '../../../test/helpers/applications.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { makePhoto } from '../../../test/helpers/photos.ts'
import { purgeApplicationFiles } from './purge.job.ts'

const { runtime, staff, call } = withDemoRuntime()
const app = () => runtime().app
/** Whether the store still has these bytes (the stream opened to tell is closed at once). */
async function stored(hash: string): Promise<boolean> {
  const blob = await runtime().ctx.blobs.open(hash)
  blob?.stream.destroy()
  return blob !== undefined
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

async function approved(cookie: string, options: Parameters<typeof submittedRenewal>[2] = {}, paid = true) {
  const a = await submittedRenewal(app(), cookie, options)
  for (const action of ['accept', 'approve']) {
    const res = await call('POST', `/api/v1/applications/${a.id}/events`, staff.officerTokyo, { action })
    expect(res.statusCode, res.body).toBe(200)
  }
  if (paid)
    expect(
      (
        await call('POST', `/api/v1/applications/${a.id}/payment`, staff.officerTokyo, {
          receipt: `R-${a.reference}`,
        })
      ).statusCode,
    ).toBe(200)
  return a
}

const storedHashes = async (id: string) => {
  const db = runtime().ctx.db
  const row = await db
    .selectFrom('applications')
    .select(['photo_sha256', 'signature_sha256'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const uploads = await db
    .selectFrom('application_uploads')
    .select('sha256')
    .where('application_id', '=', id)
    .execute()
  return { photo: row.photo_sha256, signature: row.signature_sha256, uploads: uploads.map((u) => u.sha256) }
}

describe('production batches', () => {
  it("exports the mission's approved, paid applications in one ZIP with a manifest, and moves them to production", async () => {
    const me = await registerCitizen(app())
    const first = await approved(me.cookie)
    const second = await approved(me.cookie)
    const unpaid = await approved(me.cookie, {}, false)

    const created = await call('POST', '/api/v1/production-batches', staff.officerTokyo, {})
    expect(created.statusCode, created.body).toBe(201)
    const batch = created.json()
    expect(batch).toMatchObject({ mission: 'JP-TYO-EMB', count: 2, purged: false })
    expect(batch.references).toEqual([first.reference, second.reference])

    const download = await call('GET', `/api/v1/production-batches/${batch.id}/archive`, staff.officerTokyo)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/zip')
    expect(sha(download.rawPayload)).toBe(batch.sha256)
    const again = await call('GET', `/api/v1/production-batches/${batch.id}/archive`, staff.officerTokyo)
    expect(Buffer.compare(again.rawPayload, download.rawPayload)).toBe(0)

    const files = unzipSync(new Uint8Array(download.rawPayload))
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']))
    expect(manifest).toMatchObject({ batch: batch.id, mission: 'JP-TYO-EMB', count: 2 })
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      [first.reference, second.reference]
        .flatMap((r) => [`${r}/application.json`, `${r}/photo.jpg`, `${r}/signature.png`])
        .sort(),
    )
    for (const f of manifest.files as { path: string; sha256: string; size: number }[]) {
      const bytes = files[f.path]
      expect(bytes, f.path).toBeDefined()
      expect(sha(bytes as Uint8Array)).toBe(f.sha256)
      expect(bytes?.length).toBe(f.size)
    }
    expect(Buffer.from(files[`${first.reference}/photo.jpg`] as Uint8Array)).toEqual(await makePhoto())
    const record = JSON.parse(new TextDecoder().decode(files[`${first.reference}/application.json`]))
    expect(record).toMatchObject({
      reference: first.reference,
      applicant: { surname: 'ERIKSSON', dateOfBirth: '1974-08-12' },
      currentPassport: { number: 'L898902C3' },
    })

    for (const a of [first, second]) {
      const seen = (await call('GET', `/api/v1/me/applications/${a.id}`, me.cookie)).json()
      expect(seen.status).toBe('in_production')
      expect(seen.timeline.at(-1)).toMatchObject({ from: 'approved', to: 'in_production' })
    }
    expect((await call('GET', `/api/v1/applications/${unpaid.id}`, staff.officerTokyo)).json().status).toBe(
      'approved',
    )
    expectProblem(
      await call('POST', '/api/v1/production-batches', staff.officerTokyo, {}),
      409,
      'batch.nothing_to_produce',
    )

    const list = (await call('GET', '/api/v1/production-batches', staff.officerTokyo)).json()
    expect(list.items.map((b: { id: string }) => b.id)).toContain(batch.id)
    expect((await call('GET', '/api/v1/production-batches', staff.officerParis)).json().items).toEqual([])
    expectProblem(
      await call('GET', `/api/v1/production-batches/${batch.id}/archive`, staff.officerParis),
      404,
      'batch.not_found',
    )
    expectProblem(
      await call('POST', '/api/v1/production-batches', staff.officerParis, { mission: 'JP-TYO-EMB' }),
      404,
      'application.unknown_mission',
    )
    expectProblem(
      await call('POST', '/api/v1/production-batches', staff.duty, {}),
      400,
      'batch.mission_required',
    )
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', batch.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['production_batch.create', 'production_batch.download']),
    )
  })
})

describe('the purge', () => {
  it("deletes an ended application's files after the configured days; the record and timeline stay", async () => {
    const me = await registerCitizen(app())
    const done = await approved(me.cookie, { photo: { width: 426, height: 568 }, uploadText: 'purged page' })
    const open = await submittedRenewal(app(), me.cookie, { uploadText: 'kept page' })
    await call('POST', '/api/v1/production-batches', staff.officerTokyo, {})
    for (const action of ['ready', 'collect'])
      expect(
        (await call('POST', `/api/v1/applications/${done.id}/events`, staff.officerTokyo, { action }))
          .statusCode,
      ).toBe(200)
    const held = await storedHashes(done.id)
    const kept = await storedHashes(open.id)
    const ctx = runtime().ctx
    expect(await stored(held.photo ?? '')).toBe(true)

    // Not yet: collected today.
    await purgeApplicationFiles(ctx)
    expect((await call('GET', `/api/v1/me/applications/${done.id}`, me.cookie)).json().filesPurgedAt).toBe(
      null,
    )

    const later = new Date(Date.now() + (ctx.config.applicationPurgeDays + 1) * 86_400_000)
    const purged = await purgeApplicationFiles(ctx, later)
    expect(purged.applications).toBeGreaterThanOrEqual(1)
    expect(purged.batches).toBeGreaterThanOrEqual(1)
    const view = (await call('GET', `/api/v1/me/applications/${done.id}`, me.cookie)).json()
    expect(view).toMatchObject({
      status: 'collected',
      filesPurgedAt: later.toISOString(),
      photo: null,
      signature: false,
    })
    expect(view.uploads).toEqual([])
    expect(view.timeline.map((e: { to: string | null }) => e.to)).toContain('collected')
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'purged' })
    expect(await stored(held.photo ?? '')).toBe(false)
    for (const u of held.uploads) expect(await stored(u)).toBe(false)
    // The signature's bytes are every test's: still named by other applications, so kept.
    expect(await stored(held.signature ?? '')).toBe(true)
    for (const u of kept.uploads) expect(await stored(u)).toBe(true)
    expect((await call('GET', `/api/v1/me/applications/${open.id}`, me.cookie)).json().filesPurgedAt).toBe(
      null,
    )

    const batches = (await call('GET', '/api/v1/production-batches', staff.officerTokyo)).json().items
    const old = batches.find((b: { references: string[] }) => b.references.includes(done.reference))
    expect(old.purged).toBe(true)
    expectProblem(
      await call('GET', `/api/v1/production-batches/${old.id}/archive`, staff.officerTokyo),
      410,
      'batch.purged',
    )
    // Again: nothing left to do.
    expect((await purgeApplicationFiles(ctx, later)).applications).toBe(0)
  })

  it('deleting an account deletes its drafts and strips its other applications of files and personal data', async () => {
    const me = await registerCitizen(app())
    const draft = await submittedRenewal(app(), me.cookie, { submit: false, uploadText: 'draft page' })
    const sent = await submittedRenewal(app(), me.cookie, {
      photo: { width: 432, height: 576 },
      uploadText: 'sent page',
    })
    const draftFiles = await storedHashes(draft.id)
    const sentFiles = await storedHashes(sent.id)
    expect((await call('DELETE', '/api/v1/me', me.cookie)).statusCode).toBe(204)

    const db = runtime().ctx.db
    expect(
      await db.selectFrom('applications').select('id').where('id', '=', draft.id).executeTakeFirst(),
    ).toBeUndefined()
    const review = await call('GET', `/api/v1/applications/${sent.id}`, staff.officerTokyo)
    expect(review.statusCode).toBe(200)
    expect(review.json()).toMatchObject({
      reference: sent.reference,
      status: 'submitted',
      photo: null,
      signature: false,
      uploads: [],
      filesPurgedAt: expect.any(String),
      form: { surname: null, dateOfBirth: null, currentPassport: null, mrz: false },
    })
    for (const h of [...draftFiles.uploads, ...sentFiles.uploads, sentFiles.photo ?? ''])
      expect(await stored(h)).toBe(false)
  })
})
