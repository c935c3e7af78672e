import type { Product } from './health.enums.ts'

/**
 * Spring Sprout's value lists: the screening questionnaire and each product's primary series. No
 * package imports: the web app bundles this file.
 */

/** A question's answer: yes/no, or a short free text (which allergy, which earlier dose). */
export type AnswerKind = 'boolean' | 'text'

export interface ScreeningQuestion {
  readonly id: string
  readonly topic: 'contraindication' | 'allergy' | 'pregnancy' | 'earlier_doses'
  readonly kind: AnswerKind
  readonly text: { readonly 'zh-CN': string; readonly en: string }
  /** The answer that needs a doctor before the dose (flags the booking); null: never on its own. */
  readonly needsDoctorWhen: boolean | null
  readonly required: boolean
}

/** The pre-vaccination checklist (after the WHO/CDC screening checklists), in both languages. */
export const SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    id: 'unwell_today',
    topic: 'contraindication',
    kind: 'boolean',
    text: { 'zh-CN': '您今天是否发热或身体不适？', en: 'Do you have a fever or feel unwell today?' },
    needsDoctorWhen: true,
    required: true,
  },
  {
    id: 'severe_reaction_before',
    topic: 'contraindication',
    kind: 'boolean',
    text: {
      'zh-CN': '您以前接种疫苗后是否出现过严重反应？',
      en: 'Have you ever had a serious reaction after a vaccination?',
    },
    needsDoctorWhen: true,
    required: true,
  },
  {
    id: 'bleeding_disorder',
    topic: 'contraindication',
    kind: 'boolean',
    text: {
      'zh-CN': '您是否患有凝血障碍或正在服用抗凝药物？',
      en: 'Do you have a bleeding disorder or take blood thinners?',
    },
    needsDoctorWhen: true,
    required: true,
  },
  {
    id: 'weakened_immunity',
    topic: 'contraindication',
    kind: 'boolean',
    text: {
      'zh-CN': '您是否免疫力低下（疾病或治疗所致）？',
      en: 'Is your immune system weakened by an illness or a treatment?',
    },
    needsDoctorWhen: true,
    required: true,
  },
  {
    id: 'severe_allergy',
    topic: 'allergy',
    kind: 'boolean',
    text: {
      'zh-CN': '您是否曾有严重过敏（过敏性休克），或对疫苗成分过敏？',
      en: 'Have you ever had a severe allergy (anaphylaxis), or an allergy to a vaccine component?',
    },
    needsDoctorWhen: true,
    required: true,
  },
  {
    id: 'allergy_details',
    topic: 'allergy',
    kind: 'text',
    text: { 'zh-CN': '其他过敏（如有，请说明）', en: 'Other allergies (if any, which)' },
    needsDoctorWhen: null,
    required: false,
  },
  {
    id: 'pregnant',
    topic: 'pregnancy',
    kind: 'boolean',
    text: {
      'zh-CN': '您是否怀孕、可能怀孕或正在哺乳？',
      en: 'Are you pregnant, could you be, or are you breastfeeding?',
    },
    needsDoctorWhen: true,
    required: true,
  },
  {
    id: 'dose_elsewhere',
    topic: 'earlier_doses',
    kind: 'boolean',
    text: {
      'zh-CN': '您是否已在其他地方接种过本疫苗？',
      en: 'Have you already had this vaccine elsewhere?',
    },
    needsDoctorWhen: null,
    required: true,
  },
  {
    id: 'dose_elsewhere_details',
    topic: 'earlier_doses',
    kind: 'text',
    text: {
      'zh-CN': '在何处、何时、哪种疫苗（如有）',
      en: 'Where, when and which vaccine (if any)',
    },
    needsDoctorWhen: null,
    required: false,
  },
  {
    id: 'vaccine_last_14_days',
    topic: 'earlier_doses',
    kind: 'boolean',
    text: {
      'zh-CN': '过去14天内您是否接种过其他疫苗？',
      en: 'Have you had any other vaccine in the last 14 days?',
    },
    needsDoctorWhen: true,
    required: true,
  },
]

/** Each product's primary series: how many doses and the days between them (EU SmPC / WHO EUL). */
export const SERIES: Readonly<Record<Product, { doses: number; intervalDays: number }>> = {
  'EU/1/20/1528': { doses: 2, intervalDays: 21 },
  'EU/1/20/1507': { doses: 2, intervalDays: 28 },
  'EU/1/21/1529': { doses: 2, intervalDays: 84 },
  'EU/1/20/1525': { doses: 1, intervalDays: 0 },
  'EU/1/21/1618': { doses: 2, intervalDays: 21 },
  'BBIBP-CorV': { doses: 2, intervalDays: 21 },
  CoronaVac: { doses: 2, intervalDays: 28 },
  Convidecia: { doses: 1, intervalDays: 0 },
}

export const SEVERITIES = ['mild', 'moderate', 'serious'] as const
export type Severity = (typeof SEVERITIES)[number]

/** A lot at or below this many doses left is flagged low. */
export const LOW_STOCK_DOSES = 20
/** A lot expiring within this many days is flagged. */
export const EXPIRY_WARNING_DAYS = 30
export const STOCK_FLAGS = ['low_stock', 'expiring', 'expired'] as const
export type StockFlag = (typeof STOCK_FLAGS)[number]
