import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { post } from '../lib/api.ts'
import { safeNext, useAuth } from '../lib/auth.tsx'
import { errorMessage } from '../lib/errors.ts'
import { isStaff, type LoginResult } from '../lib/types.ts'
import { type ContactMethod, ContactMethodSwitch } from './ContactMethodSwitch.tsx'

export function Login() {
  const { t } = useTranslation()
  const { refresh } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [by, setBy] = useState<ContactMethod>('email')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(values: { email?: string; phone?: string; password: string }) {
    setBusy(true)
    setError(undefined)
    try {
      const body =
        by === 'email'
          ? { email: values.email, password: values.password }
          : { phone: values.phone, password: values.password }
      const result = await post<LoginResult>('/api/v1/auth/login', body)
      await refresh()
      if (result.mfa) navigate(`/mfa?step=${result.mfa}`)
      else navigate(safeNext(params.get('next')) ?? (isStaff(result.user) ? '/console' : '/'))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('auth.signInTitle')}
        </Typography.Title>
        {params.get('signedOut') && (
          <Alert type="success" title={t('auth.signedOut')} style={{ marginBottom: 16 }} />
        )}
        <ContactMethodSwitch value={by} onChange={setBy} />
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          {by === 'email' ? (
            <Form.Item
              name="email"
              label={t('auth.email')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input type="email" autoComplete="username" data-testid="login-email" />
            </Form.Item>
          ) : (
            <Form.Item
              name="phone"
              label={t('auth.phone')}
              extra={t('auth.phoneHint')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input type="tel" autoComplete="username" data-testid="login-phone" />
            </Form.Item>
          )}
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && (
            <Alert type="error" title={error} data-testid="form-error" style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.submitSignIn')}
          </Button>
        </Form>
        <p style={{ marginTop: 16 }}>
          {t('auth.noAccount')} <Link to="/register">{t('nav.signUp')}</Link>
        </p>
      </Card>
    </div>
  )
}
