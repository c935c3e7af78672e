import type { Localized } from '../../lib/types.ts'

export const ADVICE_SECTIONS = ['safety', 'laws', 'health', 'entry', 'contacts'] as const
export type AdviceSection = (typeof ADVICE_SECTIONS)[number]
export type AdviceText = Partial<Record<'zh-CN' | 'en', Partial<Record<AdviceSection, string>>>>

export interface AdvisorySummary {
  country: string
  name: Localized
  level: number
  summary: Localized
  version: number | null
  updatedAt: string | null
}

export interface AdvisoryDetail extends AdvisorySummary {
  advice: AdviceText
  history: Array<{ version: number; level: number; summary: Localized; publishedAt: string }>
}

export interface Draft {
  country: string
  level: number
  summary: Localized
  advice: AdviceText
  draftedAt: string
}

export interface DraftMeta {
  country: string
  level: number
  draftedAt: string
  draftedBy: string | null
}

/** What the caller may draft ('all' for duty officers) and the drafts waiting there. */
export interface DraftDesk {
  editable: 'all' | string[]
  drafts: DraftMeta[]
}

export const mayEdit = (desk: DraftDesk | undefined, country: string) =>
  !!desk && (desk.editable === 'all' || desk.editable.includes(country))
