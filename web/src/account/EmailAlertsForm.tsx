import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { currentLocale } from '../lib/i18n.ts'

/** "Get alerts by e-mail" on a country's advice page: no account, double opt-in. */
export function EmailAlertsForm({ country }: { country: string }) {
  const { t } = useTranslation()
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async ({ email }: { email: string }) => {
    setBusy(true)
    setError(undefined)
    try {
      await post('/api/v1/public/subscriptions', { email: email.trim(), country, lang: currentLocale() })
      setSent(true)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card
      size="small"
      title={t('account.emailAlertsTitle')}
      style={{ margin: '16px 0' }}
      data-testid="email-alerts"
    >
      {sent ? (
        <Alert type="success" title={t('account.emailAlertsSent')} data-testid="email-alerts-sent" />
      ) : (
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Typography.Paragraph type="secondary">{t('account.emailAlertsHint')}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="email"
              noStyle
              rules={[{ required: true, type: 'email', message: t('auth.required') }]}
            >
              <Input
                type="email"
                autoComplete="email"
                placeholder={t('auth.email')}
                data-testid="email-alerts-email"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="email-alerts-submit">
              {t('account.emailAlertsSubmit')}
            </Button>
          </Space.Compact>
          {error && <Alert type="error" title={error} style={{ marginTop: 8 }} />}
        </Form>
      )}
    </Card>
  )
}
