import { z } from 'zod'

const localized = z.object({ 'zh-CN': z.string(), en: z.string() })

export const templateQuestion = z.object({
  id: z.string(),
  /** In the language asked for (`lang`, English by default); `texts` holds both. */
  text: z.string(),
  texts: localized,
  weight: z.int(),
  guidance: localized,
})
export const templateQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).default('en') })
export const templateSection = z.object({
  code: z.string(),
  title: localized,
  /** The MOFCOM 2010 chapter and the ISO 31030:2021 clause the section follows. */
  source: z.string(),
  questions: z.array(templateQuestion),
})
export const assessmentTemplate = z.object({ version: z.int(), sections: z.array(templateSection) })

export const assessmentBody = z.strictObject({
  answers: z
    .record(z.string().max(20), z.int().min(0).max(3))
    .describe('question id → 0 not in place, 1 planned, 2 partly in place, 3 fully in place'),
})

export const gap = z.object({
  questionId: z.string(),
  section: z.string(),
  answer: z.int(),
  weight: z.int(),
  text: localized,
  guidance: localized,
})

export const assessmentResult = z.object({
  id: z.uuid(),
  score: z.int().min(0).max(100),
  sections: z.array(z.object({ code: z.string(), score: z.int().min(0).max(100) })),
  gaps: z.array(gap),
  answers: z.record(z.string(), z.int()),
  submittedAt: z.string(),
})
export type AssessmentResult = z.infer<typeof assessmentResult>
export const assessmentHistory = z.array(assessmentResult)

export const assessmentDue = z.object({
  due: z.boolean(),
  lastSubmittedAt: z.string().nullable(),
  reasons: z.array(
    z.object({
      kind: z.enum(['first', 'yearly', 'level_rose']),
      siteId: z.uuid().optional(),
      siteName: z.string().optional(),
      from: z.int().optional(),
      to: z.int().optional(),
    }),
  ),
})
