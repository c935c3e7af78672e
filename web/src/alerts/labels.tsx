import { SAFETY_ANSWERS } from '@server/alerts/alert.enums.ts'
import type { CAP_SEVERITY } from '@server/alerts/cap/cap.model.ts'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

/** The answers to "are you safe?", in the order the buttons show them. */
export const ANSWERS = SAFETY_ANSWERS
export type Answer = (typeof ANSWERS)[number]

export const SEVERITY_COLOR: Record<string, string> = {
  Extreme: '#820014',
  Severe: '#cf1322',
  Moderate: '#d46b08',
  Minor: '#d4b106',
  Unknown: '#8c8c8c',
} satisfies Record<(typeof CAP_SEVERITY)[number], string>

export const ANSWER_COLOR: Record<Answer | 'unanswered', string> = {
  safe: '#389e0d',
  need_help: '#cf1322',
  not_in_area: '#8c8c8c',
  unanswered: '#fa8c16',
}

export function SeverityTag({ severity }: { severity: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={SEVERITY_COLOR[severity] ?? SEVERITY_COLOR.Unknown} data-testid="severity-tag">
      {t(`alerts.severity.${severity}`, { defaultValue: severity })}
    </Tag>
  )
}

export function AnswerTag({ answer }: { answer: string | null }) {
  const { t } = useTranslation()
  if (!answer) return <Tag color="orange">{t('alerts.answer.none')}</Tag>
  const color = { safe: 'green', need_help: 'red', not_in_area: 'default' }[answer] ?? 'default'
  return (
    <Tag color={color} data-testid="answer-tag">
      {t(`alerts.answer.${answer}`, { defaultValue: answer })}
    </Tag>
  )
}
