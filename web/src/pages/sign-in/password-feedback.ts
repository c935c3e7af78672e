import type { TFunction } from 'i18next'
import { ApiError } from '../../lib/api.ts'

/** The strength estimator's advice on a refused password, in the reader's language. */
export function passwordAdvice(e: unknown, t: TFunction): string[] {
  if (!(e instanceof ApiError) || e.code !== 'auth.weak_password') return []
  const feedback = e.problem.feedback as { warning?: unknown; suggestions?: unknown } | undefined
  const keys = [
    typeof feedback?.warning === 'string' ? `passwordFeedback.warnings.${feedback.warning}` : undefined,
    ...(Array.isArray(feedback?.suggestions) ? feedback.suggestions : [])
      .filter((s): s is string => typeof s === 'string')
      .map((s) => `passwordFeedback.suggestions.${s}`),
  ]
  return keys.flatMap((key) => {
    const text = key ? t(key, { defaultValue: '' }) : ''
    return text ? [text] : []
  })
}
