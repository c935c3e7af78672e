import type { adviceText } from '@server/advisories/advisories.schema.ts'
import type { z } from 'zod'

/** Travel advice in each language, section by section, as the API takes and gives it. */
export type AdviceText = z.infer<typeof adviceText>
export type AdviceSection = keyof NonNullable<AdviceText['en']>

/** Every section the API takes (the type check refuses a missing or unknown one), in the order pages show them. */
const SECTIONS: Record<AdviceSection, true> = {
  safety: true,
  laws: true,
  health: true,
  entry: true,
  contacts: true,
}
export const ADVICE_SECTIONS = Object.keys(SECTIONS) as AdviceSection[]
