import { z } from 'zod'
import { countryCode, localized } from '../reference/reference.schema.ts'

const section = z.string().trim().max(20_000)
const sections = z.strictObject({
  safety: section.optional(),
  laws: section.optional(),
  health: section.optional(),
  entry: section.optional(),
  contacts: section.optional(),
})

export const adviceText = z.strictObject({ 'zh-CN': sections.optional(), en: sections.optional() })

export const draftBody = z.strictObject({
  level: z.number().int().min(0).max(3),
  summary: z.strictObject({
    'zh-CN': z.string().trim().min(1).max(2000),
    en: z.string().trim().min(1).max(2000),
  }),
  advice: adviceText.optional(),
})

export const countryParams = z.strictObject({ country: countryCode })

export const subscribeBody = z.strictObject({ country: countryCode })

export const subscriptionList = z.array(
  z.object({
    country: z.string(),
    name: localized,
    createdAt: z.string(),
  }),
)

export const feedQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') })

const peer = z.object({
  level: z.number(),
  label: z.string().describe("the peer's own English name of that level"),
  name: localized,
})
export const peers = z
  .object({
    basis: z
      .literal('equivalent')
      .describe('our level mapped onto the peer scale; not what the peer government says'),
    us: peer,
    smartraveller: peer,
  })
  .describe('the equivalent of our level on the US State Department and Smartraveller scales')

export const ADVICE_CHANGE_PARTS = [
  'level',
  'summary',
  'safety',
  'laws',
  'health',
  'entry',
  'contacts',
] as const

export const adviceChange = z
  .object({
    previousLevel: z.number().nullable().describe('the level before this version; null for the first one'),
    changed: z.array(z.enum(ADVICE_CHANGE_PARTS)).describe('what this version changed from the one before'),
  })
  .describe('what the current version changed; null when no advisory is published')

export const advisorySummary = z.object({
  country: z.string(),
  name: localized,
  level: z.number().nullable().describe('null when no advisory has been published for the country'),
  label: localized.nullable(),
  peers: peers.nullable(),
  summary: localized,
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
  lastReviewed: z.string().nullable().describe('when the current advisory was last reviewed and published'),
  maxRegionLevel: z
    .number()
    .nullable()
    .describe('the highest level among published region advisories; null when there are none'),
})

export const regionSummary = z.object({
  id: z.string().describe('the region key: its ISO 3166-2 code or a slug'),
  code: z.string().nullable().describe('ISO 3166-2 code when the region is a subdivision'),
  name: localized,
  level: z.number(),
  label: localized,
  peers,
  summary: localized,
  version: z.number(),
  updatedAt: z.string(),
})

export const advisoryList = z.array(advisorySummary)

export const advisoryDetail = advisorySummary.extend({
  advice: adviceText,
  change: adviceChange.nullable(),
  regions: z.array(regionSummary).describe('published region advisories, retired ones left out'),
  history: z.array(
    z.object({ version: z.number(), level: z.number(), summary: localized, publishedAt: z.string() }),
  ),
})

export const publishedAdvisory = advisoryDetail.extend({ notified: z.number() })

export const draftResponse = z.object({
  country: z.string(),
  level: z.number(),
  summary: localized,
  advice: adviceText,
  draftedAt: z.string(),
  draftedBy: z.string().nullable(),
})

export const draftList = z.object({
  editable: z.union([z.literal('all'), z.array(z.string())]),
  drafts: z.array(
    z.object({
      country: z.string(),
      level: z.number(),
      draftedAt: z.string(),
      draftedBy: z.string().nullable().describe("the author's name"),
    }),
  ),
})

export type DraftBody = z.infer<typeof draftBody>
