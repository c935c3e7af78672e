import { Alert, Button, Form, Input, Radio, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../lib/errors.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { sproutApi } from './sprout-api.ts'

/** The screening questionnaire of a programme: yes/no questions and a few free texts. */
export function ScreeningForm({ programmeId, onDone }: { programmeId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const { data: questions } = useLoad(() => sproutApi.questions(programmeId), programmeId)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(values: Record<string, boolean | string | undefined>) {
    setBusy(true)
    setError(undefined)
    const answers = Object.fromEntries(
      Object.entries(values).filter(
        (e): e is [string, boolean | string] => e[1] !== undefined && e[1] !== '',
      ),
    )
    try {
      await sproutApi.screen(programmeId, answers)
      onDone()
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  if (!questions) return null
  return (
    <Form layout="vertical" onFinish={submit} data-testid="sprout-screening-form">
      {questions.map((q) => (
        <Form.Item
          key={q.id}
          name={q.id}
          label={localized(q.text)}
          rules={q.required ? [{ required: true, message: t('health.sprout.answerThis') }] : []}
        >
          {q.kind === 'boolean' ? (
            <Radio.Group data-testid={`q-${q.id}`}>
              <Radio value={true}>{t('health.sprout.yes')}</Radio>
              <Radio value={false}>{t('health.sprout.no')}</Radio>
            </Radio.Group>
          ) : (
            <Input maxLength={500} data-testid={`q-${q.id}`} />
          )}
        </Form.Item>
      ))}
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="sprout-screening-save">
          {t('health.sprout.save')}
        </Button>
      </Space>
    </Form>
  )
}
