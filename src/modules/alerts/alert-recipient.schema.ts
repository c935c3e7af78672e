import { z } from 'zod'
import { ANSWER_VIA, SAFETY_ANSWERS } from './alert.schema.ts'

/** `GET /api/v1/alerts/{id}/recipients`: by answer (or none yet), a page after a user id. */
export const recipientsQuery = z.strictObject({
  answer: z.enum(['unanswered', 'safe', 'need_help', 'not_in_area']).optional(),
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
})
export type RecipientsQuery = z.infer<typeof recipientsQuery>

/** `POST /api/v1/alerts/{id}/recipients/{userId}/answer`: the hotline records an answer. */
export const recipientAnswerParams = z.strictObject({ id: z.uuid(), userId: z.uuid() })

/** The CSV takes the answer filter only: it is the whole list. */
export const recipientsCsvQuery = recipientsQuery.pick({ answer: true })

/** One answer as it was given: which, how (app, link, push, hotline) and when. */
export const givenAnswer = z.object({
  answer: z.enum(SAFETY_ANSWERS),
  via: z.enum(ANSWER_VIA),
  at: z.string(),
})

export const recipientItem = z.object({
  userId: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  inArea: z.boolean(),
  /** The current answer: the latest, except that a `need_help` stands until the hotline resolves it. */
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  contactId: z.uuid().nullable(),
  /** Every answer given, oldest first. */
  answers: z.array(givenAnswer),
})
export const recipientList = z.object({ items: z.array(recipientItem), next: z.uuid().nullable() })

/** Recipients with a known point, counted by answer on a ~5 km grid (no names). */
export const mapCells = z.object({
  cells: z.array(
    z.object({
      lon: z.number(),
      lat: z.number(),
      total: z.number(),
      safe: z.number(),
      needHelp: z.number(),
      notInArea: z.number(),
      unanswered: z.number(),
    }),
  ),
})
