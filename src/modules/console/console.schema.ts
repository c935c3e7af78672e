import { z } from 'zod'

export const OVERVIEW_KEYS = [
  'sos_open',
  'p1_open',
  'sla_missed',
  'alerts_sending',
  'advisories_pending',
  'cases_open',
  'visits_overdue',
  'applications_pending',
  'appointments_today',
  'contacts_open',
] as const
export type OverviewKey = (typeof OVERVIEW_KEYS)[number]

const consolePath = z
  .string()
  .startsWith('/')
  .describe('a console path that opens the list behind the number')

export const overviewCard = z.object({
  key: z.enum(OVERVIEW_KEYS),
  count: z.number().int(),
  href: consolePath,
})

export const overview = z.object({
  cards: z.array(overviewCard).describe('the numbers of the caller’s role, in the order shown'),
  waiting: z
    .array(
      z.object({
        kind: z.enum(['sos', 'case']),
        id: z.string(),
        reference: z.string().nullable(),
        since: z.string().describe('when the SOS came in or the P1 case was opened'),
        due: z.string().nullable().describe('a case’s next target: first response, then next update'),
        acknowledged: z.boolean(),
        href: consolePath,
      }),
    )
    .describe('open SOS and P1 cases, longest waiting first (duty officers and operators)'),
  alerts: z
    .array(
      z.object({
        id: z.string(),
        status: z.enum(['sending', 'sent']),
        headline: z.string(),
        severity: z.string(),
        sentAt: z.string().nullable(),
        endsAt: z.string(),
        safetyCheck: z.boolean(),
        recipients: z.number().int(),
        answered: z.number().int(),
        needHelp: z.number().int(),
        href: consolePath,
      }),
    )
    .describe('alerts going out or in force, with their answers (duty officers)'),
})
export type Overview = z.infer<typeof overview>

const place = z.object({
  source: z.enum(['location', 'trip', 'residence']),
  country: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
})

const emergencyContact = z.object({ name: z.string(), phone: z.string(), relation: z.string() })

export const personRecord = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    nameLatin: z.string().nullable(),
    nameZh: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    sex: z.string().nullable(),
    passportNumber: z.string().nullable().describe('masked: the last 4 characters'),
    consentToContact: z.boolean(),
    emergencyContacts: z.array(emergencyContact),
    places: z.array(place).describe('every place the registry puts them today'),
    whereNow: place.nullable(),
    lastLocation: z
      .object({ lat: z.number(), lon: z.number(), country: z.string().nullable(), at: z.string() })
      .nullable()
      .describe('the last "I am here now" they shared'),
  }),
  dependants: z.array(
    z.object({
      id: z.string(),
      relation: z.string(),
      nameLatin: z.string(),
      nameZh: z.string().nullable(),
      dateOfBirth: z.string(),
      sex: z.string().nullable(),
      passportNumber: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  residence: z
    .object({
      country: z.string(),
      city: z.string().nullable(),
      address: z.string().nullable(),
      since: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    })
    .nullable(),
  trips: z
    .array(
      z.object({
        id: z.string(),
        startDate: z.string(),
        endDate: z.string(),
        destinations: z.array(
          z.object({
            country: z.string(),
            city: z.string().nullable(),
            lat: z.number().nullable(),
            lon: z.number().nullable(),
          }),
        ),
        travellers: z.array(z.string()).describe('ids of the dependants on the trip'),
      }),
    )
    .describe('trips ending within the last year or later, latest first'),
  contacts: z
    .array(
      z.object({
        id: z.string(),
        receivedAt: z.string(),
        kind: z.string(),
        channel: z.string(),
        priority: z.string().nullable(),
        summary: z.string(),
        caseId: z.string().nullable(),
        reference: z.string().nullable(),
      }),
    )
    .describe('calls and SOS the caller may see, newest first (50)'),
  cases: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        type: z.string(),
        status: z.string(),
        priority: z.string(),
        createdAt: z.string(),
        missionCode: z.string().nullable(),
      }),
    )
    .describe('cases the person is on that the caller may see, newest first (50)'),
  alerts: z
    .array(
      z.object({
        id: z.string(),
        headline: z.string(),
        severity: z.string(),
        status: z.string(),
        sentAt: z.string().nullable(),
        answer: z.string().nullable(),
        answeredAt: z.string().nullable(),
      }),
    )
    .describe('alerts that reached the person and their answer, newest first (50)'),
})
export type PersonRecord = z.infer<typeof personRecord>

export const personParams = z.strictObject({ id: z.uuid() })
