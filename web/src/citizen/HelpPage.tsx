import type { helpResponse } from '@server/cases/hotline/contact.schema.ts'
import { Alert, Button, Card, Input, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { currentLocale } from '../lib/i18n.ts'

type HelpAnswer = z.infer<typeof helpResponse>

function position(): Promise<GeolocationPosition | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null)
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(resolve, () => resolve(null), {
      timeout: 10_000,
      maximumAge: 60_000,
    }),
  )
}

/** SOS: reaches the 24-hour hotline at once as a top-priority request, with where the person is. */
export function HelpPage() {
  const { t } = useTranslation()
  const [message, setMessage] = useState('')
  const [withLocation, setWithLocation] = useState(true)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<HelpAnswer>()
  const [error, setError] = useState<unknown>()
  const send = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const pos = withLocation ? await position() : null
      setSent(
        await post<HelpAnswer>('/api/v1/me/help', {
          message: message.trim() || t('help.defaultMessage'),
          ...(pos ? { lat: pos.coords.latitude, lon: pos.coords.longitude } : {}),
        }),
      )
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="page narrow-page">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('help.title')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('help.police')} style={{ marginBottom: 16 }} />
      {sent ? (
        <Alert
          type="success"
          showIcon
          data-testid="help-sent"
          title={t('help.sent')}
          description={t('help.sentDetail', {
            time: new Date(sent.receivedAt).toLocaleTimeString(currentLocale()),
          })}
        />
      ) : (
        <Card>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Input.TextArea
              rows={4}
              maxLength={2000}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              placeholder={t('help.placeholder')}
              data-testid="help-message"
            />
            <span>
              <Switch checked={withLocation} onChange={setWithLocation} /> {t('help.withLocation')}
            </span>
            {error !== undefined && <Alert type="error" showIcon title={errorMessage(error, t)} />}
            <Button
              type="primary"
              danger
              size="large"
              block
              loading={busy}
              onClick={send}
              data-testid="help-send"
            >
              {t('help.send')}
            </Button>
            <Typography.Text type="secondary">{t('help.hotline')}</Typography.Text>
          </Space>
        </Card>
      )}
    </div>
  )
}
