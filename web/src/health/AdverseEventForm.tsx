import { SEVERITIES } from '@server/health/campaign.enums.ts'
import { Alert, Button, Input, Radio, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../lib/errors.ts'
import { sproutApi } from './sprout-api.ts'

/** Report an adverse event after a dose; a serious one reaches the mission as a medical case. */
export function AdverseEventForm({ doseId, onDone }: { doseId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [severity, setSeverity] = useState<string>('mild')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string>()
  const [sent, setSent] = useState<{ caseId: string | null }>()
  const [busy, setBusy] = useState(false)

  async function send() {
    setBusy(true)
    setError(undefined)
    try {
      setSent(await sproutApi.reportEvent({ doseId, severity, description }))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  if (sent)
    return (
      <Alert
        style={{ marginTop: 8 }}
        type="success"
        data-testid="sprout-reported"
        message={sent.caseId ? t('health.sprout.reportedCase') : t('health.sprout.reported')}
        action={
          <Button size="small" onClick={onDone}>
            {t('health.sprout.close')}
          </Button>
        }
      />
    )
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
      <Radio.Group
        value={severity}
        onChange={(e) => setSeverity(e.target.value)}
        data-testid="sprout-severity"
      >
        {SEVERITIES.map((s) => (
          <Radio key={s} value={s} data-testid={`severity-${s}`}>
            {t(`health.sprout.severity.${s}`)}
          </Radio>
        ))}
      </Radio.Group>
      <Input.TextArea
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        placeholder={t('health.sprout.describe')}
        data-testid="sprout-description"
      />
      {error && <Alert type="error" message={error} />}
      <Button
        type="primary"
        danger={severity === 'serious'}
        loading={busy}
        onClick={send}
        data-testid="sprout-send"
      >
        {t('health.sprout.send')}
      </Button>
    </Space>
  )
}
