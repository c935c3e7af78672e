import { z } from 'zod'
import { actor, lat, latLon, lon, missionRef, pointMessage, pointTogether } from '../common.schema.ts'
import { CANCEL_REASONS, HELP_STATUSES } from './help.enums.ts'

export * from './help.enums.ts'

export const helpBody = z
  .strictObject({
    message: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe('what is happening; left out, the hotline reads "SOS"'),
    lat: lat.optional(),
    lon: lon.optional(),
    callbackPhone: z
      .string()
      .max(40)
      .optional()
      .describe('E.164, where the hotline calls back; left out, the profile phone'),
  })
  .refine(pointTogether, pointMessage)
export type HelpBody = z.infer<typeof helpBody>

export const helpCancelBody = z.strictObject({ reason: z.enum(CANCEL_REASONS) })

export const helpLocationBody = z.strictObject({ lat, lon })

/** An SOS as its sender reads it: no staff names, nothing of the case but that there is one. */
export const myHelp = z.object({
  id: z.string().describe('the id of its hotline contact'),
  reference: z.string().describe('short, to quote on the phone: SOS-XXXXXX'),
  status: z.enum(HELP_STATUSES),
  receivedAt: z.string(),
  priority: z.literal('P1'),
  message: z.string(),
  callbackPhone: z.string().nullable().describe('where the hotline calls back'),
  location: latLon.nullable(),
  locationSource: z.enum(['given', 'registry']).nullable(),
  locationUpdatedAt: z.string().nullable().describe('when the location was last shared again'),
  country: z.string().nullable(),
  mission: missionRef.nullable(),
  acknowledgedAt: z.string().nullable().describe('when an operator saw it'),
  cancelledAt: z.string().nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
})
export type MyHelp = z.infer<typeof myHelp>

export const myHelpList = z.array(myHelp)

/** What the hotline sees of an SOS on its contact (null for other contacts). */
export const helpOnContact = z.object({
  reference: z.string(),
  status: z.enum(HELP_STATUSES),
  callbackPhone: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: actor.nullable(),
  claimedAt: z.string().nullable(),
  claimedBy: actor.nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  locationUpdatedAt: z.string().nullable(),
  caseReference: z.string().nullable().describe('the case opened from it'),
})
