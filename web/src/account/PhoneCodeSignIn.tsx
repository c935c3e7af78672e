import { Alert, Button, Form, Input, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import type { LoginResult } from '../lib/types.ts'

interface Values {
  phone: string
  code: string
}

/** Sign-in with a phone and the 6-digit code texted to it (the "phone + code" tab of the sign-in page). */
export function PhoneCodeSignIn({ onSignedIn }: { onSignedIn: (result: LoginResult) => Promise<void> }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const sendCode = async () => {
    setError(undefined)
    try {
      const { phone } = await form.validateFields(['phone'])
      setBusy(true)
      await post('/api/v1/auth/phone/code', { phone: phone.trim() })
      setSent(true)
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  const submit = async (values: Values) => {
    setBusy(true)
    setError(undefined)
    try {
      const result = await post<LoginResult>('/api/v1/auth/phone/login', {
        phone: values.phone.trim(),
        code: values.code.trim(),
      })
      await onSignedIn(result)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item
        name="phone"
        label={t('auth.phone')}
        extra={t('auth.phoneHint')}
        rules={[{ required: true, message: t('auth.required') }]}
      >
        <Input type="tel" autoComplete="tel" data-testid="code-phone" />
      </Form.Item>
      <Form.Item label={t('account.code')} required={false} extra={sent ? t('account.codeSent') : undefined}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: sent, pattern: /^\d{6}$/, message: t('account.codeFormat') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              disabled={!sent}
              data-testid="code-input"
            />
          </Form.Item>
          <Button onClick={sendCode} loading={busy && !sent} data-testid="code-send">
            {sent ? t('account.resend') : t('account.sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {error && <Alert type="error" title={error} data-testid="form-error" style={{ marginBottom: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        block
        disabled={!sent}
        loading={busy && sent}
        data-testid="code-submit"
      >
        {t('auth.submitSignIn')}
      </Button>
    </Form>
  )
}
