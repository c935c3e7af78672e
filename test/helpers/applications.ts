import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { pdf } from './files.ts'
import { makePhoto, makeSignature, type PhotoOptions } from './photos.ts'

export const SPECIMEN_MRZ =
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10'

/** The renewal form of the ICAO specimen's holder, as typed (matching her MRZ). */
export const RENEWAL_FORM = {
  surname: 'Eriksson',
  givenNames: 'Anna Maria',
  sex: 'F',
  dateOfBirth: '1974-08-12',
  birthPlace: 'Beijing',
  phone: '+8613800138000',
  addressAbroad: '1-1 Chiyoda, Tokyo',
  reason: 'expiring',
  currentPassport: { number: 'L898902C3', expiryDate: '2012-04-15' },
  mrz: SPECIMEN_MRZ,
} as const

type Part =
  | { readonly field: string; readonly value: string }
  | { readonly field: string; readonly name: string; readonly type: string; readonly content: Buffer }

/** A multipart/form-data body with files and text fields, in the order given. */
export function formData(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----lingshi${randomBytes(8).toString('hex')}`
  const chunks = parts.flatMap((p) =>
    'value' in p
      ? [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`,
          ),
        ]
      : [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: ${p.type}\r\n\r\n`,
          ),
          p.content,
          Buffer.from('\r\n'),
        ],
  )
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/** POST a multipart body as the cookie's holder. */
export function postForm(app: FastifyInstance, url: string, cookie: string, parts: readonly Part[]) {
  const { payload, contentType } = formData(parts)
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload })
}

export const photoPart = async (options: PhotoOptions = {}) => ({
  field: 'file',
  name: 'photo.jpg',
  type: 'image/jpeg',
  content: await makePhoto(options),
})
export const signaturePart = async () => ({
  field: 'file',
  name: 'signature.png',
  type: 'image/png',
  content: await makeSignature(),
})
export const pdfPart = (text = 'passport data page') => ({
  field: 'file',
  name: 'page.pdf',
  type: 'application/pdf',
  content: pdf(text),
})

/** A lost passport's replacement, submitted: its current passport goes on the register. */
export const LOST_REPLACEMENT = {
  service: 'passport_replacement',
  form: { reason: 'lost' },
  uploadKind: 'loss_report',
} as const

/** A renewal at the mission (or the service and form given), every part filled in and uploaded, submitted unless said. */
export async function submittedRenewal(
  app: FastifyInstance,
  cookie: string,
  options: {
    mission?: string
    submit?: boolean
    service?: string
    form?: Record<string, unknown>
    uploadKind?: string
    /** A photo of other bytes than every other test's (its own file in the store). */
    photo?: PhotoOptions
    uploadText?: string
  } = {},
): Promise<{ id: string; reference: string }> {
  const inject = (method: 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
  const created = await inject('POST', '/api/v1/me/applications', {
    service: options.service ?? 'passport_renewal',
    mission: options.mission ?? 'JP-TYO-EMB',
  })
  expect(created.statusCode, created.body).toBe(201)
  const { id, reference } = created.json()
  const base = `/api/v1/me/applications/${id}`
  const patched = await inject('PATCH', base, { ...RENEWAL_FORM, ...options.form })
  expect(patched.statusCode, patched.body).toBe(200)
  for (const [url, parts] of [
    [`${base}/photo`, [await photoPart(options.photo)]],
    [`${base}/signature`, [await signaturePart()]],
    [
      `${base}/uploads`,
      [{ field: 'kind', value: options.uploadKind ?? 'passport_data_page' }, pdfPart(options.uploadText)],
    ],
  ] as const) {
    const res = await postForm(app, url, cookie, parts)
    expect(res.statusCode, res.body).toBeLessThan(300)
  }
  if (options.submit !== false) {
    const submitted = await inject('POST', `${base}/submit`)
    expect(submitted.statusCode, submitted.body).toBe(200)
  }
  return { id, reference }
}
