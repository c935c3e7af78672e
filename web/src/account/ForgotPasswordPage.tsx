import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'

/** Asks for a reset link; the answer is the same whether or not an account has the address. */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async ({ email }: { email: string }) => {
    setBusy(true)
    setError(undefined)
    try {
      await post('/api/v1/auth/password/forgot', { email: email.trim() })
      setDone(true)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('account.forgotTitle')}
        </Typography.Title>
        {done ? (
          <Alert type="success" title={t('account.forgotSent')} data-testid="forgot-sent" />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('account.forgotHint')}</Typography.Paragraph>
            <Form layout="vertical" onFinish={submit} requiredMark={false}>
              <Form.Item
                name="email"
                label={t('auth.email')}
                rules={[{ required: true, type: 'email', message: t('auth.required') }]}
              >
                <Input type="email" autoComplete="email" data-testid="forgot-email" />
              </Form.Item>
              {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="forgot-submit">
                {t('account.forgotSubmit')}
              </Button>
            </Form>
          </>
        )}
        <p style={{ marginTop: 16 }}>
          <Link to="/login">{t('account.backToSignIn')}</Link>
        </p>
      </Card>
    </div>
  )
}
