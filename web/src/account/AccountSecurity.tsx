import type { SessionItem } from '@server/identity/account.schema.ts'
import { App, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, get, post } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { formatDateTime } from '../lib/dates.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'

const Verified = ({ yes }: { yes: boolean }) => {
  const { t } = useTranslation()
  return yes ? (
    <Tag color="green">{t('account.verified')}</Tag>
  ) : (
    <Tag color="orange">{t('account.unverified')}</Tag>
  )
}

function EmailCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me } = useAuth()
  const [sentTo, setSentTo] = useState<string>()
  const submit = async ({ email }: { email: string }) => {
    try {
      await post('/api/v1/me/email', { email: email.trim() })
      setSentTo(email.trim())
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  return (
    <Card title={t('account.emailTitle')} size="small" style={{ marginBottom: 16 }} data-testid="email-card">
      <Typography.Paragraph>
        {me?.email ?? t('account.none')} {me?.email && <Verified yes={me.emailVerified} />}
      </Typography.Paragraph>
      {sentTo ? (
        <Typography.Text type="success" data-testid="email-sent">
          {t('account.emailSent', { email: sentTo })}
        </Typography.Text>
      ) : (
        <Form
          layout="inline"
          onFinish={submit}
          initialValues={{ email: me?.emailVerified ? '' : (me?.email ?? '') }}
        >
          <Form.Item
            name="email"
            rules={[{ required: true, type: 'email', message: t('auth.required') }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input type="email" placeholder={t('auth.email')} data-testid="email-new" />
          </Form.Item>
          <Button htmlType="submit" data-testid="email-send">
            {me?.email && !me.emailVerified ? t('account.verifyThis') : t('account.sendLink')}
          </Button>
        </Form>
      )}
    </Card>
  )
}

function PhoneCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me, refresh } = useAuth()
  const [pending, setPending] = useState<string>()
  const send = async ({ phone }: { phone: string }) => {
    try {
      await post('/api/v1/me/phone', { phone: phone.trim() })
      setPending(phone.trim())
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  const verify = async ({ code }: { code: string }) => {
    try {
      await post('/api/v1/me/phone/verify', { code: code.trim() })
      setPending(undefined)
      await refresh()
      message.success(t('account.phoneVerified'))
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  return (
    <Card title={t('account.phoneTitle')} size="small" style={{ marginBottom: 16 }} data-testid="phone-card">
      <Typography.Paragraph>
        {me?.phone ?? t('account.none')} {me?.phone && <Verified yes={me.phoneVerified} />}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('account.phoneHint')}</Typography.Paragraph>
      {pending ? (
        <Form layout="inline" onFinish={verify}>
          <Form.Item
            name="code"
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.codeFormat') }]}
            extra={t('account.codeSentTo', { phone: pending })}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="phone-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="phone-verify">
            {t('account.confirm')}
          </Button>
        </Form>
      ) : (
        <Form
          layout="inline"
          onFinish={send}
          initialValues={{ phone: me?.phoneVerified ? '' : (me?.phone ?? '') }}
        >
          <Form.Item
            name="phone"
            rules={[{ required: true, message: t('auth.required') }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input type="tel" placeholder="+8613800138000" data-testid="phone-new" />
          </Form.Item>
          <Button htmlType="submit" data-testid="phone-send">
            {t('account.sendCode')}
          </Button>
        </Form>
      )}
    </Card>
  )
}

function PasswordCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    try {
      const r = await post<{ endedSessions: number }>('/api/v1/me/password', values)
      form.resetFields()
      message.success(t('account.passwordChanged', { count: r.endedSessions }))
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  return (
    <Card title={t('account.passwordTitle')} size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 400 }}>
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('auth.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[{ required: true, message: t('auth.required') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Button htmlType="submit" data-testid="password-change">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  )
}

function SessionsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const list = useLoad(() => get<{ sessions: SessionItem[] }>('/api/v1/me/sessions'))
  const when = (iso: string) => formatDateTime(iso)
  const end = async (id: string) => {
    try {
      await api('DELETE', `/api/v1/me/sessions/${id}`)
      list.reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  const endOthers = async () => {
    try {
      await post('/api/v1/me/sessions/end-others')
      list.reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  const sessions = list.data?.sessions ?? []
  return (
    <Card
      title={t('account.sessionsTitle')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        sessions.length > 1 && (
          <Button size="small" onClick={endOthers} data-testid="sessions-end-others">
            {t('account.endOthers')}
          </Button>
        )
      }
    >
      <List
        loading={list.loading}
        dataSource={sessions}
        data-testid="sessions"
        renderItem={(s) => (
          <List.Item
            actions={
              s.current
                ? [
                    <Tag key="c" color="blue">
                      {t('account.thisDevice')}
                    </Tag>,
                  ]
                : [
                    <Button key="e" size="small" danger onClick={() => end(s.id)} data-testid="session-end">
                      {t('account.end')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={s.device ?? t('account.unknownDevice')}
              description={
                <Space direction="vertical" size={0}>
                  <span>{t('account.lastSeen', { when: when(s.lastSeenAt) })}</span>
                  <span>{t('account.signedInAt', { when: when(s.createdAt) })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  )
}

/** The settings page's account section: contacts proved, password, where I am signed in. */
export function AccountSecurity() {
  return (
    <>
      <EmailCard />
      <PhoneCard />
      <PasswordCard />
      <SessionsCard />
    </>
  )
}
