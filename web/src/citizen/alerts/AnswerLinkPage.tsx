import { Alert, Card, Result, Spin, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { ANSWERS, type Answer } from '../../alerts/labels.tsx'
import { ApiError, post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { AnswerButtons } from './AnswerButtons.tsx'

const isAnswer = (a: string | null): a is Answer => !!a && (ANSWERS as readonly string[]).includes(a)

/**
 * The page a signed one-click link in an e-mail or text opens, without signing in: a link for one
 * answer records it at once; the `*` link offers the three answers. The signature names the
 * alert, the person and the answer (or `*`), so the link cannot be reused for anyone else.
 */
export function AnswerLinkPage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const [params] = useSearchParams()
  const user = params.get('user')
  const sig = params.get('sig')
  const asked = params.get('answer')
  const anyAnswer = asked === '*'
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [busy, setBusy] = useState<Answer | null>(null)
  const [error, setError] = useState<unknown>()
  const sent = useRef(false)

  const submit = async (a: Answer) => {
    setBusy(a)
    setError(undefined)
    try {
      await post(`/api/v1/alerts/${id}/answer-link`, { user, answer: a, sig })
      setAnswer(a)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: a one-click link answers once, when the page opens
  useEffect(() => {
    if (sent.current || !user || !sig || !isAnswer(asked)) return
    sent.current = true
    void submit(asked)
  }, [])

  if (!user || !sig || !(anyAnswer || isAnswer(asked)))
    return (
      <div className="page narrow-page">
        <Result
          status="warning"
          title={t('answerLink.incomplete')}
          subTitle={t('answerLink.incompleteText')}
          extra={<Link to={`/alerts/${id}`}>{t('answerLink.openApp')}</Link>}
          data-testid="answer-link-incomplete"
        />
      </div>
    )

  const refused = error instanceof ApiError && [400, 401, 403, 404].includes(error.status)
  return (
    <div className="page narrow-page" data-testid="answer-link">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('answerLink.title')}
        </Typography.Title>
        {!anyAnswer && busy && (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin tip={t('answerLink.recording')} />
          </div>
        )}
        {answer && (
          <Alert
            type={answer === 'need_help' ? 'warning' : 'success'}
            showIcon
            data-testid="answer-link-done"
            title={t('answerLink.recorded', { answer: t(`alerts.answer.${answer}`) })}
            description={answer === 'need_help' ? t('alerts.answer.helpComingText') : t('answerLink.thanks')}
            style={{ marginBottom: 16 }}
          />
        )}
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            data-testid="answer-link-error"
            title={refused ? t('answerLink.refused') : errorMessage(error, t)}
            description={<Link to={`/alerts/${id}`}>{t('answerLink.openApp')}</Link>}
            style={{ marginBottom: 16 }}
          />
        )}
        {anyAnswer && (
          <>
            {!answer && <Typography.Paragraph>{t('answerLink.choose')}</Typography.Paragraph>}
            <AnswerButtons current={answer} busy={busy} onAnswer={submit} />
          </>
        )}
        {!anyAnswer && answer && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('answerLink.change')} <Link to={`/alerts/${id}`}>{t('answerLink.openApp')}</Link>
          </Typography.Paragraph>
        )}
      </Card>
      <div className="hotline" style={{ marginTop: 16 }}>
        <div>{t('home.hotline')}</div>
        <div className="number">{t('home.hotlineNumbers')}</div>
      </div>
    </div>
  )
}
