import { App, Button, Card, Input, Modal, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { AccountSecurity } from '../account/AccountSecurity.tsx'
import { api, get, put } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'
import { PushSwitch } from '../pages/account/PushSwitch.tsx'
import { FollowedCountries } from './FollowedCountries.tsx'
import { HereNow } from './HereNow.tsx'

interface Preferences {
  inbox: true
  email: boolean
  push: boolean
  sms: boolean
}

export function SettingsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me, signOut } = useAuth()
  const navigate = useNavigate()
  const prefs = useLoad(() => get<Preferences>('/api/v1/me/notification-preferences'))
  const [deleting, setDeleting] = useState(false)
  const [confirmText, setConfirmText] = useState('')

  const setChannel = async (change: Partial<Pick<Preferences, 'email' | 'sms'>>) => {
    try {
      await put('/api/v1/me/notification-preferences', change)
      prefs.reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  const deleteAccount = async () => {
    try {
      await api('DELETE', '/api/v1/me')
      await signOut()
      navigate('/')
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  const word = t('settings.deleteWord')

  return (
    <div className="page narrow-page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card title={t('settings.following')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('settings.followingHint')}</Typography.Paragraph>
        <FollowedCountries />
      </Card>
      <Card title={t('settings.channels')} size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical">
          <span>
            <Switch checked disabled aria-label={t('settings.inbox')} /> {t('settings.inbox')}
          </span>
          <span>
            <Switch
              // No address: nothing can be sent by e-mail, so the switch shows off, not a stored "on".
              checked={!!me?.email && !!prefs.data?.email}
              loading={prefs.loading}
              disabled={!me?.email}
              aria-label={me?.email ? t('settings.email', { email: me.email }) : t('settings.noEmail')}
              onChange={(email) => setChannel({ email })}
              data-testid="pref-email"
            />{' '}
            {me?.email ? t('settings.email', { email: me.email }) : t('settings.noEmail')}
          </span>
          <PushSwitch />
          <span>
            <Switch
              checked={!!prefs.data?.sms}
              loading={prefs.loading}
              onChange={(sms) => setChannel({ sms })}
              aria-label={t('channels.sms')}
              data-testid="pref-sms"
            />{' '}
            {t('channels.sms')}
          </span>
          <Typography.Text type="secondary">{t('settings.alwaysReach')}</Typography.Text>
        </Space>
      </Card>
      <Card title={t('settings.hereNow')} size="small" style={{ marginBottom: 16 }}>
        <HereNow />
      </Card>
      <AccountSecurity />
      <Card title={t('settings.data')} size="small">
        <Typography.Paragraph type="secondary">{t('settings.dataHint')}</Typography.Paragraph>
        <Space wrap>
          <Button href="/api/v1/me/export" download="lingshi-my-data.json" data-testid="export">
            {t('settings.export')}
          </Button>
          <Button danger onClick={() => setDeleting(true)} data-testid="delete-account">
            {t('settings.delete')}
          </Button>
        </Space>
      </Card>
      <Modal
        open={deleting}
        title={t('settings.deleteTitle')}
        onCancel={() => setDeleting(false)}
        okText={t('settings.deleteConfirm')}
        okButtonProps={{ danger: true, disabled: confirmText.trim() !== word }}
        onOk={deleteAccount}
      >
        <Typography.Paragraph>{t('settings.deleteText', { word })}</Typography.Paragraph>
        <Input
          value={confirmText}
          onChange={(e) => setConfirmText(e.target.value)}
          data-testid="delete-confirm"
        />
      </Modal>
    </div>
  )
}
