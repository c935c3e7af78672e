import { z } from 'zod'
import { CHECKS } from './dcc/dcc.verify.ts'
import {
  CERTIFICATE_TYPES,
  MANUFACTURER_CODES,
  PRODUCT_CODES,
  RAT_DEVICE_CODES,
  TEST_RESULT_CODES,
  TEST_TYPE_CODES,
  TEST_TYPE_RAT,
} from './health.enums.ts'

const uuid = z.uuid()
const localized = z.object({ 'zh-CN': z.string(), en: z.string() })
const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' })

export const idParams = z.strictObject({ id: uuid })

export const site = z.object({ id: z.string(), name: localized, mission: z.string().nullable() })
export const siteList = z.object({ sites: z.array(site) })

export const peopleQuery = z.strictObject({
  passport: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{5,20}$/, '5 to 20 letters and digits'),
})
export const personFound = z.object({
  id: z.string(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  nameZh: z.string().nullable(),
  surname: z.string().nullable(),
  givenNames: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  passportNumber: z.string().nullable().describe('masked: only the last 4 characters are shown'),
})
export type PersonFound = z.infer<typeof personFound>
export const peopleFound = z.object({ people: z.array(personFound) })

export const doseBody = z
  .strictObject({
    personId: uuid,
    product: z.enum(PRODUCT_CODES),
    manufacturer: z.enum(MANUFACTURER_CODES),
    lot: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9./-]+$/, 'letters, digits, ".", "/" and "-"'),
    doseNumber: z.int().min(1).max(9),
    seriesDoses: z.int().min(1).max(9),
    date: isoDate,
    siteId: uuid,
  })
  .refine((b) => b.doseNumber <= b.seriesDoses, {
    message: 'the dose number cannot exceed the doses of the series',
    path: ['doseNumber'],
  })
export type DoseBody = z.infer<typeof doseBody>
export const doseCreated = z.object({ id: z.string(), certificateId: z.string(), lotKnown: z.boolean() })

export const testBody = z
  .strictObject({
    personId: uuid,
    type: z.enum(TEST_TYPE_CODES).describe('LP6464-4 NAAT, LP217198-3 rapid antigen test'),
    name: z.string().trim().min(1).max(80).optional().describe('NAAT name (`nm`)'),
    manufacturer: z.enum(RAT_DEVICE_CODES).optional().describe('rapid antigen test device (`ma`)'),
    sampledAt: z.iso.datetime({ offset: true }).describe('sample collection time'),
    result: z.enum(TEST_RESULT_CODES).describe('260415000 not detected, 260373001 detected'),
    centre: z.string().trim().min(1).max(50).describe('testing centre (`tc`)'),
    siteId: uuid,
  })
  .refine((b) => b.type !== TEST_TYPE_RAT || b.manufacturer !== undefined, {
    message: 'a rapid antigen test names its device',
    path: ['manufacturer'],
  })
  .refine((b) => b.type === TEST_TYPE_RAT || b.manufacturer === undefined, {
    message: 'only a rapid antigen test names a device',
    path: ['manufacturer'],
  })
export type TestBody = z.infer<typeof testBody>

export const recoveryBody = z.strictObject({
  personId: uuid,
  firstPositive: isoDate.describe('date of the first positive test (`fr`)'),
  validFrom: isoDate.describe('`df`: at least 11 days after firstPositive'),
  validUntil: isoDate.describe('`du`: at most 180 days after firstPositive'),
  siteId: uuid,
})
export type RecoveryBody = z.infer<typeof recoveryBody>
export const recordCreated = z.object({ id: z.string(), certificateId: z.string() })

export const certificateType = z.enum(CERTIFICATE_TYPES)
export const myCertificate = z.object({
  id: z.string(),
  uvci: z.string(),
  type: certificateType,
  qr: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
})
export type MyCertificate = z.infer<typeof myCertificate>
export const myCertificates = z.array(myCertificate)

export const revokeBody = z.strictObject({ reason: z.string().trim().min(3).max(500) })
export const revoked = z.object({
  id: z.string(),
  uvci: z.string(),
  revokedAt: z.string(),
  reason: z.string(),
})

export const revocationList = z.object({
  batches: z.array(
    z.object({
      country: z.string(),
      kid: z.string(),
      hashType: z.literal('COUNTRYCODEUCI'),
      expires: z.string(),
      entries: z.array(z.object({ hash: z.string() })),
    }),
  ),
})
export type RevocationList = z.infer<typeof revocationList>

export const trustEntryBody = z.strictObject({
  certificate: z.string().trim().min(1).max(20_000).describe('Base64 DER or PEM'),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case'),
})
export const trustEntryAdded = z.object({ kid: z.string(), country: z.string() })
export const trustCertificate = z.object({
  kid: z.string(),
  country: z.string(),
  certificateType: z.string(),
  rawData: z.string(),
  thumbprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
})
export type TrustCertificate = z.infer<typeof trustCertificate>
export const trustList = z.object({ certificates: z.array(trustCertificate) })

export const verifyBody = z.strictObject({
  qr: z.string().min(1).max(10_000),
  at: z.iso.datetime({ offset: true, local: true }).optional().describe('verification time, default now'),
})
const check = z.boolean().nullable()
export const verdictResponse = z.object({
  valid: z.boolean(),
  checks: z.object(
    Object.fromEntries(CHECKS.map((c) => [c, check])) as Record<(typeof CHECKS)[number], typeof check>,
  ),
  kid: z.string().nullable(),
  issuer: z.string().nullable(),
  type: certificateType.nullable(),
  holder: z.object({ fn: z.string().nullable(), gn: z.string().nullable(), dob: z.string() }).optional(),
})

export const clinicianParams = z.strictObject({ userId: uuid })
export const clinicianBody = z.strictObject({ siteId: uuid })
export const clinicianSite = z.object({ userId: z.string(), site })
