import { z } from 'zod'
import { countryCode } from '../reference/reference.schema.ts'

const localizedText = (max: number) =>
  z.strictObject({ 'zh-CN': z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) })
const localized = z.object({ 'zh-CN': z.string(), en: z.string() })

export const guidanceParams = z.strictObject({ country: countryCode })
export const guidanceBody = z.strictObject({
  title: localizedText(200),
  body: localizedText(20_000).describe('plain text; blank lines separate paragraphs'),
})
export type GuidanceBody = z.infer<typeof guidanceBody>

export const guidanceVersion = z.object({
  country: z.string(),
  version: z.int(),
  title: localized,
  body: localized,
  publishedAt: z.string(),
})
export type GuidanceVersion = z.infer<typeof guidanceVersion>

export const guidanceDraft = z.object({
  country: z.string(),
  title: localized,
  body: localized,
  draftedAt: z.string(),
  /** The version it would replace; null when the country has none published. */
  basedOn: z.int().nullable(),
})

export const countryGuidance = z.object({
  country: z.string(),
  current: guidanceVersion.nullable(),
  /** Earlier versions, newest first (title and date). */
  history: z.array(z.object({ version: z.int(), title: localized, publishedAt: z.string() })),
})

export const published = guidanceVersion.extend({ notified: z.int() })

/** For an enterprise: the current guidance of each country it has sites in. */
export const enterpriseGuidance = z.array(
  z.object({ country: z.string(), sites: z.int(), guidance: guidanceVersion.nullable() }),
)
