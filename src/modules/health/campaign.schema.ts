import { z } from 'zod'
import { SEVERITIES, STOCK_FLAGS } from './campaign.enums.ts'
import { PRODUCT_CODES } from './health.enums.ts'

const uuid = z.uuid()
const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' })
const localized = z.object({ 'zh-CN': z.string(), en: z.string() })
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
  .transform((v) => v.toUpperCase())
const lot = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9./-]+$/, 'letters, digits, ".", "/" and "-"')
const product = z.enum(PRODUCT_CODES)

export const programmeBody = z.strictObject({
  name: z.strictObject({
    'zh-CN': z.string().trim().min(1).max(120),
    en: z.string().trim().min(1).max(120),
  }),
  products: z.array(product).min(1).max(PRODUCT_CODES.length),
  countries: z.array(country).min(1).max(250),
  startsOn: isoDate,
  endsOn: isoDate,
  siteIds: z.array(uuid).min(1).max(500),
  minAge: z.int().min(0).max(150).optional(),
  maxAge: z.int().min(0).max(150).optional(),
})
export type ProgrammeBody = z.infer<typeof programmeBody>
export const programmeCreated = z.object({ id: z.string() })

export const programmeSite = z.object({
  id: z.string(),
  name: localized,
  mission: z.string().nullable(),
  country: z.string(),
})
export const programme = z.object({
  id: z.string(),
  name: localized,
  products: z.array(z.string()),
  countries: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  minAge: z.number().nullable(),
  maxAge: z.number().nullable(),
  sites: z.array(programmeSite),
})
export type Programme = z.infer<typeof programme>
export const programmeList = z.array(programme)

export const familyMember = z.object({ dependantId: z.string(), name: z.string(), eligible: z.boolean() })
export const myProgramme = programme.extend({
  /** Whether the account holder is eligible (registered in a country, within the ages); else only family. */
  eligible: z.boolean(),
  family: z.array(familyMember),
  screening: z.object({ flagged: z.boolean(), answeredAt: z.string() }).nullable(),
  booking: z.object({ appointmentId: z.string(), siteId: z.string(), doseNumber: z.number() }).nullable(),
})
export type MyProgramme = z.infer<typeof myProgramme>
export const myProgrammeList = z.array(myProgramme)

export const programmeParams = z.strictObject({ programmeId: uuid })
export const screeningQuestion = z.object({
  id: z.string(),
  topic: z.string(),
  kind: z.enum(['boolean', 'text']),
  text: localized,
  required: z.boolean(),
  /** The answer that needs a doctor's review before the dose (it flags the booking). */
  needsDoctorWhen: z.boolean().nullable(),
})
export const screeningQuestions = z.array(screeningQuestion)

export const screeningBody = z.strictObject({
  answers: z.record(z.string().max(60), z.union([z.boolean(), z.string().max(500)])),
})
export type ScreeningBody = z.infer<typeof screeningBody>
export const screeningResult = z.object({ flagged: z.boolean(), flags: z.array(z.string()) })

export const programmeBookingBody = z.strictObject({
  siteId: uuid,
  start: z.iso.datetime({ offset: true }),
  altcha: z.string().min(1).max(4000),
})
export type ProgrammeBookingBody = z.infer<typeof programmeBookingBody>
export const programmeBooking = z.object({
  appointmentId: z.string(),
  code: z.string(),
  start: z.string(),
  mission: z.string(),
  siteId: z.string(),
  flagged: z.boolean(),
})

export const siteParams = z.strictObject({ id: uuid })
export const stockBody = z.strictObject({
  product,
  lot,
  expiresOn: isoDate,
  doses: z.int().min(1).max(1_000_000),
})
export type StockBody = z.infer<typeof stockBody>
export const wasteBody = z.strictObject({
  product,
  lot,
  doses: z.int().min(1).max(1_000_000),
  reason: z.string().trim().min(3).max(300),
})
export type WasteBody = z.infer<typeof wasteBody>
export const transferBody = z.strictObject({
  product,
  lot,
  doses: z.int().min(1).max(1_000_000),
  toSiteId: uuid,
})
export type TransferBody = z.infer<typeof transferBody>
export const stockMoved = z.object({ id: z.string() })
export const stockLot = z.object({
  product: z.string(),
  lot: z.string(),
  expiresOn: z.string().nullable(),
  received: z.number(),
  used: z.number(),
  wasted: z.number(),
  transferredIn: z.number(),
  transferredOut: z.number(),
  left: z.number(),
  flags: z.array(z.enum(STOCK_FLAGS)),
})
export type StockLot = z.infer<typeof stockLot>
export const stockList = z.array(stockLot)

export const myDose = z.object({
  id: z.string(),
  product: z.string(),
  lot: z.string(),
  doseNumber: z.number(),
  seriesDoses: z.number(),
  date: z.string(),
  siteId: z.string(),
  /** When the next dose of the series is due (the product's interval); null once the series is done. */
  nextDoseDue: z.string().nullable(),
})
export type MyDose = z.infer<typeof myDose>
export const myDoses = z.array(myDose)

export const adverseEventBody = z.strictObject({
  doseId: uuid,
  severity: z.enum(SEVERITIES),
  description: z.string().trim().min(3).max(2000),
})
export type AdverseEventBody = z.infer<typeof adverseEventBody>
export const adverseEventCreated = z.object({ id: z.string(), caseId: z.string().nullable() })

export const dayQuery = z.strictObject({ date: isoDate.optional() })
export const dayBooking = z.object({
  appointmentId: z.string(),
  code: z.string(),
  status: z.string(),
  start: z.string(),
  name: z.string(),
  passportNumber: z.string(),
  ticket: z.string().nullable(),
  counter: z.number().nullable(),
  personId: z.string().nullable(),
  programmeId: z.string().nullable(),
  doseNumber: z.number().nullable(),
  screening: z.enum(['none', 'clear', 'flagged']),
  flags: z.array(z.string()),
  /** The person's doses so far (any site), for the next dose's number. */
  dosesSoFar: z.number(),
})
export type DayBooking = z.infer<typeof dayBooking>
export const dayList = z.object({ site: programmeSite, date: z.string(), bookings: z.array(dayBooking) })

export const bookingParams = z.strictObject({ id: uuid, appointmentId: uuid })
export const callNextBody = z.strictObject({ counter: z.int().min(1).max(999) })
export const ticketCalled = z.object({ ticket: z.string(), appointmentId: z.string().nullable() })
export const checkedIn = z.object({ ticket: z.string() })
export const nextDoseBody = z.strictObject({ start: z.iso.datetime({ offset: true }).optional() })
export const nextDose = z.object({
  due: z.string().nullable(),
  appointmentId: z.string().nullable(),
  start: z.string().nullable(),
})

export const coverageQuery = z.strictObject({ country })
export const coverageSite = z.object({
  siteId: z.string(),
  name: localized,
  doses: z.number(),
  people: z.number(),
})
export const coverageWeek = z.object({ week: z.string(), doses: z.number() })
export const coverage = z.object({
  country: z.string(),
  registered: z.number(),
  vaccinated: z.number(),
  doses: z.number(),
  sites: z.array(coverageSite),
  weeks: z.array(coverageWeek),
})
export type Coverage = z.infer<typeof coverage>
export const worldCoverage = z.array(
  z.object({ country: z.string(), registered: z.number(), vaccinated: z.number(), doses: z.number() }),
)
