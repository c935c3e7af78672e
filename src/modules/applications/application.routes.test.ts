import { describe, expect, it } from 'vitest'
import {
  pdfPart,
  photoPart,
  postForm,
  RENEWAL_FORM,
  SPECIMEN_MRZ,
  submittedRenewal,
} from '../../../test/helpers/applications.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { findOwnApplication, updateIfUnchanged } from './application.repository.ts'

const { runtime, staff, call } = withDemoRuntime()
const app = () => runtime().app
const patch = (url: string, cookie: string, payload: object) =>
  app().inject({ method: 'PATCH', url, headers: { cookie }, payload })

describe('the catalogue', () => {
  it("lists a mission's services with fee, days, uploads and photo limits; an unknown mission is 404", async () => {
    const res = await call('GET', '/api/v1/missions/JP-TYO-EMB/services')
    expect(res.statusCode, res.body).toBe(200)
    const renewal = res.json().find((s: { code: string }) => s.code === 'passport_renewal')
    expect(renewal).toMatchObject({
      fee: { amount: 2600, currency: 'JPY' },
      processingDays: 15,
      requiresAppointment: false,
      uploads: ['passport_data_page'],
      photo: { minBytes: 10240, maxBytes: 5242880 },
    })
    expect(
      res
        .json()
        .map((s: { code: string }) => s.code)
        .sort(),
    ).toEqual(['passport_first', 'passport_renewal', 'passport_replacement', 'travel_document'])
    expectProblem(await call('GET', '/api/v1/missions/XX-NOPE/services'), 404, 'catalogue.unknown_mission')
  })

  it("an administrator edits one mission's service; other missions keep theirs; others may not", async () => {
    const body = {
      fee: { amount: 3000, currency: 'JPY' },
      processingDays: 10,
      eligibility: { 'zh-CN': '中国公民', en: 'Chinese citizens' },
      requiresAppointment: true,
      uploads: ['identity_proof'],
      collection: ['mission'],
      photo: { minBytes: 20000, maxBytes: 4000000 },
    }
    const url = '/api/v1/missions/JP-TYO-EMB/services/travel_document'
    const put = await call('PUT', url, staff.admin, body)
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toMatchObject({ code: 'travel_document', fee: { amount: 3000 }, processingDays: 10 })
    const paris = (await call('GET', '/api/v1/missions/FR-PAR-EMB/services')).json()
    expect(paris.find((s: { code: string }) => s.code === 'travel_document').fee).toEqual({
      amount: 14,
      currency: 'EUR',
    })
    expectProblem(await call('PUT', url, staff.officerTokyo, body), 403, 'auth.forbidden')
    expectProblem(
      await call('PUT', url, staff.admin, { ...body, photo: { minBytes: 5, maxBytes: 4 } }),
      400,
      'catalogue.bad_photo_range',
    )
    expectProblem(await call('PUT', url, staff.admin, { ...body, extra: 1 }), 400, 'validation.failed')
  })
})

describe('the MRZ', () => {
  it('reads the ICAO specimen; a wrong digit is valid:false; anything but two lines of 44 is 422', async () => {
    const ok = await call('POST', '/api/v1/mrz/parse', undefined, { mrz: SPECIMEN_MRZ })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ valid: true, documentNumber: 'L898902C3', dateOfBirth: '1974-08-12' })
    const wrong = await call('POST', '/api/v1/mrz/parse', undefined, {
      mrz: SPECIMEN_MRZ.replace('C36', 'C37'),
    })
    expect(wrong.json()).toMatchObject({ valid: false, checks: { documentNumber: false } })
    expectProblem(await call('POST', '/api/v1/mrz/parse', undefined, { mrz: 'P<UTO' }), 422, 'mrz.format')
  })
})

describe("a citizen's renewal", () => {
  it('starts as a draft with a reference and the profile filled in', async () => {
    const me = await registerCitizen(app())
    await call('PUT', '/api/v1/me/profile', me.cookie, { nameLatin: 'Zhang Wei', nameZh: '张伟', sex: 'M' })
    const res = await call('POST', '/api/v1/me/applications', me.cookie, {
      service: 'passport_renewal',
      mission: 'JP-TYO-EMB',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      status: 'draft',
      reference: expect.stringMatching(/^LS\d{6}[0-9A-Z]{6}$/),
    })
    const got = (await call('GET', `/api/v1/me/applications/${res.json().id}`, me.cookie)).json()
    expect(got.form).toMatchObject({ surname: 'ZHANG', givenNames: 'WEI', nameZh: '张伟', sex: 'M' })
    expect(got.fee).toEqual({ amount: 2600, currency: 'JPY', paid: false, online: false })
  })

  it('refuses an unknown mission, a dependant not theirs, a reason of another service, a bad MRZ', async () => {
    const me = await registerCitizen(app())
    expectProblem(
      await call('POST', '/api/v1/me/applications', me.cookie, {
        service: 'passport_renewal',
        mission: 'XX-NOPE',
      }),
      404,
      'application.unknown_mission',
    )
    expectProblem(
      await call('POST', '/api/v1/me/applications', me.cookie, {
        service: 'passport_renewal',
        mission: 'JP-TYO-EMB',
        dependantId: '0190a0a0-0000-7000-8000-000000000000',
      }),
      400,
      'application.bad_dependant',
    )
    const { id } = (
      await call('POST', '/api/v1/me/applications', me.cookie, {
        service: 'passport_renewal',
        mission: 'JP-TYO-EMB',
      })
    ).json()
    const url = `/api/v1/me/applications/${id}`
    expectProblem(await patch(url, me.cookie, { reason: 'lost' }), 400, 'application.bad_reason')
    expectProblem(await patch(url, me.cookie, { mrz: 'not an mrz' }), 422, 'mrz.format')
    expectProblem(await patch(url, me.cookie, { birthPlace: 'x'.repeat(301) }), 400, 'validation.failed')
    expectProblem(await patch(url, me.cookie, { nickname: 'x' }), 400, 'validation.failed')
  })

  it('writes a step back only onto the draft it read: a save raced by another is re-applied, not lost', async () => {
    const me = await registerCitizen(app())
    const draft = await app().inject({
      method: 'POST',
      url: '/api/v1/me/applications',
      headers: { cookie: me.cookie },
      payload: { service: 'passport_renewal', mission: 'JP-TYO-EMB' },
    })
    const { id } = draft.json()
    const db = runtime().ctx.db
    const read = await findOwnApplication(db, me.userId, id)
    if (!read) throw new Error('no draft')
    const url = `/api/v1/me/applications/${id}`
    expect((await patch(url, me.cookie, { birthPlace: 'Beijing' })).statusCode).toBe(200)
    const stale = { form: JSON.stringify({ ...read.form, addressAbroad: 'Tokyo' }), updated_at: new Date() }
    expect(await updateIfUnchanged(db, read, stale)).toBeUndefined()
    const fresh = await findOwnApplication(db, me.userId, id)
    if (!fresh) throw new Error('no draft')
    const merged = { form: JSON.stringify({ ...fresh.form, addressAbroad: 'Tokyo' }), updated_at: new Date() }
    expect((await updateIfUnchanged(db, fresh, merged))?.form).toMatchObject({
      birthPlace: 'Beijing',
      addressAbroad: 'Tokyo',
    })
  })

  it('shows each field the MRZ contradicts, and none once fixed', async () => {
    const me = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie, { submit: false })
    const url = `/api/v1/me/applications/${id}`
    const wrong = await patch(url, me.cookie, { dateOfBirth: '1974-08-21' })
    expect(wrong.json().mrzMismatches).toEqual([
      { field: 'dateOfBirth', typed: '1974-08-21', mrz: '1974-08-12' },
    ])
    const fixed = await patch(url, me.cookie, { dateOfBirth: RENEWAL_FORM.dateOfBirth })
    expect(fixed.json().mrzMismatches).toEqual([])
    expect(fixed.json().form.currentPassport).toEqual({ number: '••••02C3', expiryDate: '2012-04-15' })
  })

  it('gets the photo verdict at once: a blocking failure is 422 with every check and keeps nothing', async () => {
    const me = await registerCitizen(app())
    const { id } = (
      await call('POST', '/api/v1/me/applications', me.cookie, {
        service: 'passport_renewal',
        mission: 'JP-TYO-EMB',
      })
    ).json()
    const url = `/api/v1/me/applications/${id}/photo`
    const small = await postForm(app(), url, me.cookie, [await photoPart({ width: 300, height: 400 })])
    expectProblem(small, 422, 'photo.rejected')
    expect(small.json().checks).toContainEqual({ code: 'dimensions', passed: false, blocking: true })
    expect((await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json().photo).toBeNull()
    const good = await postForm(app(), url, me.cookie, [await photoPart()])
    expect(good.statusCode, good.body).toBe(200)
    const checks: { code: string; passed: boolean; blocking: boolean }[] = good.json().checks
    expect(checks.filter((c) => c.blocking).every((c) => c.passed)).toBe(true)
    // A drawn head is no face to the detector: shown, not blocking, and flagged to the officer.
    expect(checks).toContainEqual({ code: 'face', passed: false, blocking: false })
    expectProblem(await postForm(app(), url, me.cookie, []), 400, 'application.file_missing')
    expectProblem(
      await postForm(app(), `/api/v1/me/applications/${id}/signature`, me.cookie, [await photoPart()]),
      422,
      'signature.rejected',
    )
  })

  it('takes uploads with kind before or after the file, judged by content', async () => {
    const me = await registerCitizen(app())
    const { id } = (
      await call('POST', '/api/v1/me/applications', me.cookie, {
        service: 'passport_renewal',
        mission: 'JP-TYO-EMB',
      })
    ).json()
    const url = `/api/v1/me/applications/${id}/uploads`
    const after = await postForm(app(), url, me.cookie, [
      pdfPart(),
      { field: 'kind', value: 'passport_data_page' },
    ])
    expect(after.statusCode, after.body).toBe(201)
    expect(after.json()).toMatchObject({ kind: 'passport_data_page', mediaType: 'application/pdf' })
    expectProblem(
      await postForm(app(), url, me.cookie, [{ field: 'kind', value: 'selfie' }, pdfPart()]),
      400,
      'application.bad_kind',
    )
    expectProblem(
      await postForm(app(), url, me.cookie, [
        { field: 'kind', value: 'passport_data_page' },
        {
          field: 'file',
          name: 'x.pdf',
          type: 'application/pdf',
          content: Buffer.from('#!/bin/sh\nrm -rf /\n'),
        },
      ]),
      415,
      'application.type_not_allowed',
    )
  })

  it('lists every missing part by name and submits nothing; complete, it submits', async () => {
    const me = await registerCitizen(app())
    const { id } = (
      await call('POST', '/api/v1/me/applications', me.cookie, {
        service: 'passport_renewal',
        mission: 'JP-TYO-EMB',
      })
    ).json()
    const res = await call('POST', `/api/v1/me/applications/${id}/submit`, me.cookie)
    expectProblem(res, 422, 'application.incomplete')
    expect(res.json().missing).toEqual([
      'surname',
      'givenNames',
      'sex',
      'dateOfBirth',
      'birthPlace',
      'phone',
      'addressAbroad',
      'reason',
      'currentPassport',
      'photo',
      'signature',
      'passport_data_page',
    ])
    expect((await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json().status).toBe('draft')
    const done = await submittedRenewal(app(), me.cookie)
    const got = (await call('GET', `/api/v1/me/applications/${done.id}`, me.cookie)).json()
    expect(got).toMatchObject({ status: 'submitted', reference: done.reference, signature: true })
    expectProblem(
      await patch(`/api/v1/me/applications/${done.id}`, me.cookie, { birthPlace: 'Xi’an' }),
      409,
      'application.not_editable',
    )
  })

  it("is another citizen's 404, and not for staff routes of the wrong mission", async () => {
    const me = await registerCitizen(app())
    const other = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie)
    expectProblem(
      await call('GET', `/api/v1/me/applications/${id}`, other.cookie),
      404,
      'application.not_found',
    )
    expectProblem(
      await patch(`/api/v1/me/applications/${id}`, other.cookie, { birthPlace: 'X' }),
      404,
      'application.not_found',
    )
    expectProblem(
      await call('GET', `/api/v1/applications/${id}`, staff.officerParis),
      404,
      'application.not_found',
    )
    expectProblem(
      await call('POST', `/api/v1/applications/${id}/events`, staff.officerParis, { action: 'accept' }),
      404,
      'application.not_found',
    )
    const parisQueue = (await call('GET', '/api/v1/applications?limit=200', staff.officerParis)).json()
    expect(parisQueue.items.map((a: { id: string }) => a.id)).not.toContain(id)
    expectProblem(await call('GET', '/api/v1/applications', me.cookie), 403, 'auth.forbidden')
  })
})

describe('the review', () => {
  it('returns for one field, takes the correction, approves, produces when paid, and the citizen sees each step', async () => {
    const me = await registerCitizen(app())
    const { id, reference } = await submittedRenewal(app(), me.cookie)
    const officer = staff.officerTokyo
    const event = (body: object) => call('POST', `/api/v1/applications/${id}/events`, officer, body)

    const queue = (await call('GET', '/api/v1/applications?status=submitted', officer)).json()
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(id)
    const read = await call('GET', `/api/v1/applications/${id}`, officer)
    expect(read.json().form.currentPassport.number).toBe('L898902C3')
    const photo = await call('GET', `/api/v1/applications/${id}/photo`, officer)
    expect(photo.statusCode).toBe(200)
    expect(photo.headers['content-type']).toBe('image/jpeg')
    expectProblem(
      await call('GET', `/api/v1/applications/${id}/photo`, staff.officerParis),
      404,
      'application.not_found',
    )

    expectProblem(await event({ action: 'approve' }), 409, 'application.bad_transition')
    expectProblem(
      await event({ action: 'return', reason: 'Check it' }),
      400,
      'application.corrections_required',
    )
    expectProblem(await event({ action: 'refuse' }), 400, 'application.reason_required')
    const note = await event({ action: 'note', reason: 'Called the applicant: all fine' })
    expect(note.statusCode, note.body).toBe(200)
    const returned = await event({
      action: 'return',
      reason: 'The address abroad is incomplete',
      corrections: [{ field: 'addressAbroad', message: 'Add the postcode' }],
    })
    expect(returned.json().status).toBe('returned')

    const mine = (await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json()
    expect(mine.corrections).toEqual([{ field: 'addressAbroad', message: 'Add the postcode' }])
    expect(JSON.stringify(mine.timeline)).not.toContain('Called the applicant')
    const url = `/api/v1/me/applications/${id}`
    expectProblem(await patch(url, me.cookie, { birthPlace: 'Shanghai' }), 409, 'application.field_locked')
    expectProblem(
      await postForm(app(), `${url}/photo`, me.cookie, [await photoPart()]),
      409,
      'application.field_locked',
    )
    expect((await patch(url, me.cookie, { addressAbroad: '1-1 Chiyoda, Tokyo 100-0001' })).statusCode).toBe(
      200,
    )
    expect((await call('POST', `${url}/submit`, me.cookie)).statusCode).toBe(200)

    expect((await event({ action: 'accept' })).json().status).toBe('accepted')
    expect((await event({ action: 'approve' })).json().status).toBe('approved')
    expectProblem(await event({ action: 'ready' }), 409, 'application.bad_transition')
    expectProblem(
      await call('POST', `/api/v1/applications/${id}/production`, officer),
      409,
      'application.unpaid',
    )
    expect(
      (await call('POST', `/api/v1/applications/${id}/payment`, officer, { receipt: 'R-0001' })).statusCode,
    ).toBe(200)
    expectProblem(
      await call('POST', `/api/v1/applications/${id}/payment`, officer, { receipt: 'R-2' }),
      409,
      'application.already_paid',
    )
    expect((await call('POST', `/api/v1/applications/${id}/production`, officer)).json().status).toBe(
      'in_production',
    )
    expect((await event({ action: 'ready' })).json().status).toBe('ready')

    const seen = (await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json()
    expect(seen.timeline.map((e: { to: string | null }) => e.to)).toEqual([
      'draft',
      'submitted',
      'returned',
      'submitted',
      'accepted',
      'approved',
      null,
      'in_production',
      'ready',
    ])
    expect(seen.timeline.every((e: { internal: boolean }) => !e.internal)).toBe(true)
    const staffView = (await call('GET', `/api/v1/applications/${id}`, officer)).json()
    expect(staffView.timeline.filter((e: { internal: boolean }) => e.internal)).toHaveLength(1)

    const inbox = (await call('GET', '/api/v1/me/inbox', me.cookie)).json()
    expect(JSON.stringify(inbox)).toContain(`${reference}`)
    expect(JSON.stringify(inbox)).toContain('The address abroad is incomplete')

    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['application.read', 'application.return', 'application.approve']),
    )

    const status = await call(
      'GET',
      `/api/v1/public/applications/status?reference=${reference}&dateOfBirth=1974-08-12`,
    )
    expect(status.statusCode, status.body).toBe(200)
    expect(status.json()).toEqual({ reference, status: 'ready', updatedAt: expect.any(String) })
    expectProblem(
      await call('GET', `/api/v1/public/applications/status?reference=${reference}&dateOfBirth=1974-08-13`),
      404,
      'application.not_found',
    )
    expect((await event({ action: 'collect' })).json().status).toBe('collected')
    expectProblem(await event({ action: 'post' }), 409, 'application.bad_transition')
  })

  it('gives a PDF receipt once submitted, none for a draft, none to another citizen', async () => {
    const me = await registerCitizen(app())
    const other = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie)
    const res = await call('GET', `/api/v1/me/applications/${id}/receipt.pdf`, me.cookie)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(res.rawPayload.toString('latin1')).toContain('NotoSansSC')
    expectProblem(
      await call('GET', `/api/v1/me/applications/${id}/receipt.pdf`, other.cookie),
      404,
      'application.not_found',
    )
    const draft = await submittedRenewal(app(), me.cookie, { submit: false })
    expectProblem(
      await call('GET', `/api/v1/me/applications/${draft.id}/receipt.pdf`, me.cookie),
      409,
      'application.not_submitted',
    )
  })

  it('lets the citizen withdraw a submitted application, and nothing moves after', async () => {
    const me = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie)
    const res = await call('POST', `/api/v1/me/applications/${id}/withdraw`, me.cookie)
    expect(res.json().status).toBe('withdrawn')
    expectProblem(
      await call('POST', `/api/v1/applications/${id}/events`, staff.officerTokyo, { action: 'accept' }),
      409,
      'application.bad_transition',
    )
  })

  it('pages the queue newest first with a cursor', async () => {
    const me = await registerCitizen(app())
    await submittedRenewal(app(), me.cookie)
    await submittedRenewal(app(), me.cookie)
    const first = (await call('GET', '/api/v1/applications?limit=1', staff.duty)).json()
    expect(first.items).toHaveLength(1)
    const second = (
      await call('GET', `/api/v1/applications?limit=1&cursor=${first.nextCursor}`, staff.duty)
    ).json()
    expect(second.items[0].createdAt <= first.items[0].createdAt).toBe(true)
    expect(second.items[0].id).not.toBe(first.items[0].id)
    expectProblem(
      await call('GET', '/api/v1/applications?cursor=nonsense', staff.duty),
      400,
      'application.malformed',
    )
  })
})
