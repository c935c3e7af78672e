import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { post } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { errorMessage } from '../lib/errors.ts'
import { currentLocale } from '../lib/i18n.ts'
import { type ContactMethod, ContactMethodSwitch } from './ContactMethodSwitch.tsx'
import { passwordAdvice } from './sign-in/password-feedback.ts'

interface Values {
  name: string
  email?: string
  phone?: string
  password: string
}

export function Register() {
  const { t } = useTranslation()
  const { refresh } = useAuth()
  const navigate = useNavigate()
  const [by, setBy] = useState<ContactMethod>('email')
  const [error, setError] = useState<string>()
  const [advice, setAdvice] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  async function submit(values: Values) {
    setBusy(true)
    setError(undefined)
    setAdvice([])
    try {
      const contact =
        by === 'email' ? { email: values.email } : { phone: values.phone?.replace(/[\s-]/g, '') }
      await post('/api/v1/auth/register', {
        name: values.name,
        password: values.password,
        locale: currentLocale(),
        ...contact,
      })
      await refresh()
      navigate('/')
    } catch (e) {
      setError(errorMessage(e, t))
      setAdvice(passwordAdvice(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('auth.signUpTitle')}
        </Typography.Title>
        <ContactMethodSwitch value={by} onChange={setBy} />
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="name"
            label={t('auth.name')}
            rules={[{ required: true, message: t('auth.required') }]}
          >
            <Input autoComplete="name" data-testid="register-name" />
          </Form.Item>
          {by === 'email' ? (
            <Form.Item
              name="email"
              label={t('auth.email')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input type="email" autoComplete="email" data-testid="register-email" />
            </Form.Item>
          ) : (
            <Form.Item
              name="phone"
              label={t('auth.phone')}
              extra={t('auth.phoneHint')}
              rules={[{ required: true, message: t('auth.required') }]}
            >
              <Input type="tel" autoComplete="tel" placeholder="+86…" data-testid="register-phone" />
            </Form.Item>
          )}
          <Form.Item
            name="password"
            label={t('auth.password')}
            extra={t('auth.passwordHint')}
            rules={[{ required: true, message: t('auth.required') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
          {error && (
            <Alert
              type="error"
              title={error}
              description={
                advice.length > 0 && (
                  <ul data-testid="password-advice" style={{ margin: 0, paddingInlineStart: 20 }}>
                    {advice.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )
              }
              data-testid="form-error"
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="register-submit">
            {t('auth.submitSignUp')}
          </Button>
        </Form>
        <p style={{ marginTop: 16 }}>
          {t('auth.haveAccount')} <Link to="/login">{t('nav.signIn')}</Link>
        </p>
      </Card>
    </div>
  )
}
