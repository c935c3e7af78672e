import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { LinkButton } from '../lib/LinkButton.tsx'

/** The page the e-mailed link opens: a new password, then every device is signed out. */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async ({ password }: { password: string }) => {
    setBusy(true)
    setError(undefined)
    try {
      await post('/api/v1/auth/password/reset', { token, password })
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
          {t('account.resetTitle')}
        </Typography.Title>
        {done ? (
          <>
            <Alert
              type="success"
              title={t('account.resetDone')}
              data-testid="reset-done"
              style={{ marginBottom: 16 }}
            />
            <LinkButton to="/login" type="primary" block data-testid="reset-sign-in">
              {t('nav.signIn')}
            </LinkButton>
          </>
        ) : (
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Typography.Paragraph type="secondary">{t('account.resetHint')}</Typography.Paragraph>
            <Form.Item
              name="password"
              label={t('account.newPassword')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input.Password autoComplete="new-password" data-testid="reset-password" />
            </Form.Item>
            {error && (
              <Alert type="error" title={error} data-testid="form-error" style={{ marginBottom: 16 }} />
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={busy}
              disabled={!token}
              data-testid="reset-submit"
            >
              {t('account.resetSubmit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  )
}
