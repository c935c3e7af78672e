import { Alert, Button, Card, Result, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { AnswerLinkView, AnswerResult } from '../../../../src/modules/alerts/alert-me.schema.ts'
import { ANSWERS, type Answer, SeverityTag } from '../../alerts/labels.tsx'
import { ApiError, get, post } from '../../lib/api.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { EmergencyNumbers } from '../EmergencyNumbers.tsx'
import { AnswerButtons } from './AnswerButtons.tsx'

const ANSWER_BUTTON_COLOR = { safe: 'green', need_help: 'danger', not_in_area: 'default' } as const

const isAnswer = (a: string | null): a is Answer => !!a && (ANSWERS as readonly string[]).includes(a)

const when = (iso: string) => formatDateTime(iso)

/**
 * The page a signed one-click link in an e-mail, text or push button opens, without signing in.
 * Opening it answers nothing (a mail scanner opens every link): it shows the question and the
 * link's answer (or all three on the `*` link), and the answer is sent when the person taps.
 * The signature names the alert, the person and the answer, so the link works for nobody else.
 */
export function AnswerLinkPage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const id = useParams().id ?? ''
  const [params] = useSearchParams()
  const user = params.get('user')
  const sig = params.get('sig')
  const asked = params.get('answer')
  const anyAnswer = asked === '*'
  const complete = !!user && !!sig && (anyAnswer || isAnswer(asked))
  const search =
    user && sig && asked && complete ? `?${new URLSearchParams({ user, answer: asked, sig })}` : ''
  const { data: view, error: viewError } = useLoad(
    () =>
      complete ? get<AnswerLinkView>(`/api/v1/alerts/${id}/answer-link${search}`) : Promise.resolve(null),
    search,
  )
  const [result, setResult] = useState<AnswerResult | null>(null)
  const [busy, setBusy] = useState<Answer | null>(null)
  const [error, setError] = useState<unknown>()

  const submit = async (a: Answer) => {
    setBusy(a)
    setError(undefined)
    try {
      setResult(await post<AnswerResult>(`/api/v1/alerts/${id}/answer-link`, { user, answer: a, sig }))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  const openApp = <Link to={`/alerts/${id}`}>{t('answerLink.openApp')}</Link>
  if (!complete)
    return (
      <div className="page narrow-page">
        <Result
          status="warning"
          title={t('answerLink.incomplete')}
          subTitle={t('answerLink.incompleteText')}
          extra={openApp}
          data-testid="answer-link-incomplete"
        />
      </div>
    )

  const failure = error ?? viewError
  const problem = failure instanceof ApiError ? failure.code : null
  const refused = failure instanceof ApiError && [400, 401, 403, 404].includes(failure.status)
  const closed = view?.state === 'cancelled' || problem === 'alert.cancelled' ? 'cancelled' : undefined
  const expired =
    view?.state === 'expired' || problem === 'alert.link_expired' ? (view?.openUntil ?? null) : undefined
  const helpStands = result && result.answer === 'need_help' && result.given !== 'need_help'
  const single = isAnswer(asked) ? asked : null

  return (
    <div className="page narrow-page" data-testid="answer-link">
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('answerLink.title')}
        </Typography.Title>
        {!view && !failure && (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin />
          </div>
        )}
        {view && (
          <div data-testid="answer-link-question" style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <SeverityTag severity={view.severity} /> {view.event[lang]}
            </Typography.Paragraph>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {view.headline[lang]}
            </Typography.Title>
            {view.areaDesc[lang] && (
              <Typography.Paragraph type="secondary">{view.areaDesc[lang]}</Typography.Paragraph>
            )}
            <Typography.Paragraph strong>{t('answerLink.question')}</Typography.Paragraph>
          </div>
        )}
        {closed && (
          <Alert
            type="info"
            showIcon
            data-testid="answer-link-cancelled"
            title={t('answerLink.cancelled')}
            description={t('answerLink.cancelledText')}
            style={{ marginBottom: 16 }}
          />
        )}
        {expired !== undefined && !closed && (
          <Alert
            type="warning"
            showIcon
            data-testid="answer-link-expired"
            title={t('answerLink.expired')}
            description={
              <>
                {expired ? t('answerLink.expiredUntil', { until: when(expired) }) : null}{' '}
                {t('answerLink.expiredText')} {openApp}
              </>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {result && (
          <Alert
            type={result.answer === 'need_help' ? 'warning' : 'success'}
            showIcon
            data-testid="answer-link-done"
            title={t('answerLink.recorded', { answer: t(`alerts.answer.${result.given}`) })}
            description={
              helpStands
                ? t('answerLink.helpStands')
                : result.answer === 'need_help'
                  ? t('alerts.answer.helpComingText')
                  : t('answerLink.thanks')
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {failure !== undefined && !closed && expired === undefined && (
          <Alert
            type="error"
            showIcon
            data-testid="answer-link-error"
            title={refused ? t('answerLink.refused') : errorMessage(failure, t)}
            description={openApp}
            style={{ marginBottom: 16 }}
          />
        )}
        {view?.state === 'open' && !closed && expired === undefined && (
          <>
            {anyAnswer && (
              <>
                {!result && <Typography.Paragraph>{t('answerLink.choose')}</Typography.Paragraph>}
                <AnswerButtons current={result?.given ?? null} busy={busy} onAnswer={submit} />
              </>
            )}
            {single && !result && (
              <Button
                size="large"
                block
                variant="solid"
                color={ANSWER_BUTTON_COLOR[single]}
                loading={busy === single}
                onClick={() => submit(single)}
                className={`answer-button answer-${single}`}
                data-testid={`answer-${single}`}
              >
                {t(`alerts.answer.button.${single}`)}
              </Button>
            )}
            {single && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t(result ? 'answerLink.change' : 'answerLink.other')} {openApp}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
      {(view?.countries.length ?? 0) === 0 ? (
        <EmergencyNumbers />
      ) : (
        view?.countries.slice(0, 3).map((c) => <EmergencyNumbers key={c} country={c} maxMissions={2} />)
      )}
    </div>
  )
}
