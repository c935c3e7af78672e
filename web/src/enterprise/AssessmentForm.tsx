import { Alert, Button, Card, List, Progress, Radio, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, put } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { currentLocale, localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import type { AssessmentDue, AssessmentResult, Template } from './types.ts'

/** The self-assessment: every question answered 0–3; the score, section scores and gaps come back. */
export function AssessmentForm({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation()
  const template = useLoad(() =>
    get<Template>(`/api/v1/enterprises/assessment/template?lang=${currentLocale()}`),
  )
  const history = useLoad(() => get<AssessmentResult[]>(`/api/v1/enterprises/${enterpriseId}/assessments`))
  const due = useLoad(() => get<AssessmentDue>(`/api/v1/enterprises/${enterpriseId}/assessment/due`))
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [result, setResult] = useState<AssessmentResult>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const shown = result ?? history.data?.[0]
  return (
    <div data-testid="assessment">
      <Typography.Paragraph type="secondary">{t('enterprises.assessment.intro')}</Typography.Paragraph>
      {due.data?.due && !result && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assessment-due"
          message={t('enterprises.assessment.due')}
          description={due.data.reasons
            .map((r) =>
              r.kind === 'level_rose'
                ? t('enterprises.assessment.dueLevel', { site: r.siteName, from: r.from, to: r.to })
                : t(`enterprises.assessment.dueReason.${r.kind}`),
            )
            .join('；')}
        />
      )}
      {template.data?.sections.map((s) => (
        <Card key={s.code} size="small" title={localized(s.title)} style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {s.source}
          </Typography.Paragraph>
          {s.questions.map((q) => (
            <div key={q.id} style={{ marginBottom: 12 }} data-testid={`question-${q.id}`}>
              <div>
                {localized(q.texts)} <Tag>{t('enterprises.assessment.weight', { w: q.weight })}</Tag>
              </div>
              <Radio.Group
                size="small"
                value={answers[q.id]}
                onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value as number }))}
                optionType="button"
                options={[0, 1, 2, 3].map((v) => ({
                  value: v,
                  label: t(`enterprises.assessment.answers.${v}`),
                }))}
              />
            </div>
          ))}
        </Card>
      ))}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button
        type="primary"
        loading={busy}
        data-testid="assessment-submit"
        onClick={async () => {
          setBusy(true)
          setError(undefined)
          try {
            setResult(
              await put<AssessmentResult>(`/api/v1/enterprises/${enterpriseId}/assessment`, { answers }),
            )
            history.reload()
          } catch (e) {
            setError(errorMessage(e, t))
          } finally {
            setBusy(false)
          }
        }}
      >
        {t('enterprises.assessment.submit')}
      </Button>
      {shown && (
        <Card size="small" style={{ marginTop: 16 }} data-testid="assessment-result">
          <Space align="center" wrap>
            <Progress type="circle" size={72} percent={shown.score} format={(p) => `${p}`} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="assessment-score">
              {t('enterprises.assessment.score', { score: shown.score })}
            </Typography.Title>
          </Space>
          <Space wrap style={{ marginTop: 8 }}>
            {shown.sections.map((s) => {
              const title = template.data?.sections.find((x) => x.code === s.code)?.title
              return (
                <Tag key={s.code} color={s.score >= 67 ? 'green' : s.score >= 34 ? 'gold' : 'red'}>
                  {title ? localized(title) : s.code}: {s.score}
                </Tag>
              )
            })}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('enterprises.assessment.gaps')}
          </Typography.Title>
          <List
            size="small"
            data-testid="assessment-gaps"
            dataSource={shown.gaps}
            locale={{ emptyText: t('enterprises.assessment.noGaps') }}
            renderItem={(g) => (
              <List.Item data-testid="assessment-gap">
                <List.Item.Meta title={localized(g.text)} description={localized(g.guidance)} />
              </List.Item>
            )}
          />
        </Card>
      )}
      {(history.data?.length ?? 0) > 1 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('enterprises.assessment.history')}:{' '}
          {history.data?.map((h) => `${h.submittedAt.slice(0, 10)} ${h.score}`).join(' · ')}
        </Typography.Paragraph>
      )}
    </div>
  )
}
