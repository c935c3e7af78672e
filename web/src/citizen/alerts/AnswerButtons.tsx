import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { ANSWERS, type Answer } from '../../alerts/labels.tsx'

const COLOR = { safe: 'green', need_help: 'danger', not_in_area: 'default' } as const

/** The three answers as big buttons, the current one marked; "need help" says who will call. */
export function AnswerButtons(props: {
  current: string | null
  busy: Answer | null
  onAnswer: (a: Answer) => void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div data-testid="answer-buttons">
      <div className="answer-buttons">
        {ANSWERS.map((a) => {
          const chosen = props.current === a
          return (
            <Button
              key={a}
              size="large"
              block
              color={COLOR[a]}
              variant={chosen ? 'solid' : 'outlined'}
              className={`answer-button answer-${a}${chosen ? ' chosen' : ''}`}
              loading={props.busy === a}
              disabled={props.disabled || (props.busy !== null && props.busy !== a)}
              aria-pressed={chosen}
              onClick={() => props.onAnswer(a)}
              data-testid={`answer-${a}`}
            >
              {chosen ? '✓ ' : ''}
              {t(`alerts.answer.button.${a}`)}
            </Button>
          )
        })}
      </div>
      {props.current === 'need_help' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="help-coming"
          title={t('alerts.answer.helpComing')}
          description={t('alerts.answer.helpComingText')}
        />
      )}
    </div>
  )
}
