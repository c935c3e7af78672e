import type { profileResponse } from '@server/registrations/registrations.schema.ts'
import { Alert, App, Button, Card, Input, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ApiError, get, post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { errorMessage } from '../../lib/errors.ts'
import { queueHelp } from '../../lib/offline/help-outbox.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { HoldToSend } from './HoldToSend.tsx'
import { type MyHelp, position, setSharesLocation, sharesLocation } from './help.ts'

type Profile = z.infer<typeof profileResponse>

/** What to send: a few words, where to call back, whether to share the location; then hold to send. */
export function HelpForm({ onSent, onQueued }: { onSent: (h: MyHelp) => void; onQueued: () => void }) {
  const { t } = useTranslation()
  const { me } = useAuth()
  const { modal } = App.useApp()
  const profile = useLoad(() => get<Profile>('/api/v1/me/profile').catch(() => undefined))
  const [message, setMessage] = useState('')
  const [callback, setCallback] = useState<string>()
  const [withLocation, setWithLocation] = useState(sharesLocation())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const callbackPhone = (callback ?? profile.data?.phone ?? '').trim()

  const send = async () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      setSharesLocation(withLocation)
      const pos = withLocation ? await position() : null
      const body = {
        message: message.trim() || t('sos.defaultMessage'),
        ...(pos ? { lat: pos.coords.latitude, lon: pos.coords.longitude } : {}),
        ...(callbackPhone ? { callbackPhone } : {}),
      }
      try {
        onSent(await post<MyHelp>('/api/v1/me/help', body))
      } catch (e) {
        // No network: the request waits on this phone and leaves as soon as the network is back.
        if (!(e instanceof ApiError && e.status === 0) || !me) throw e
        queueHelp(me.id, body)
        onQueued()
      }
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const confirm = () =>
    modal.confirm({
      title: t('sos.confirmTitle'),
      content: t('sos.confirmText'),
      okText: t('sos.confirmOk'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'help-confirm-ok' } as Record<string, string>) },
      cancelText: t('sos.confirmCancel'),
      onOk: send,
    })

  return (
    <Card>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder={t('sos.placeholder')}
          aria-label={t('sos.messageLabel')}
          data-testid="help-message"
        />
        <div>
          <label htmlFor="sos-callback">
            <Typography.Text strong>{t('sos.callbackLabel')}</Typography.Text>
          </label>
          <Input
            id="sos-callback"
            type="tel"
            size="large"
            autoComplete="tel"
            value={callback ?? profile.data?.phone ?? ''}
            onChange={(e) => setCallback(e.target.value)}
            placeholder="+86 138 0013 8000"
            data-testid="help-callback"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sos.callbackHint')}
          </Typography.Text>
        </div>
        <span>
          <Switch
            checked={withLocation}
            onChange={setWithLocation}
            aria-label={t('sos.withLocation')}
            data-testid="help-with-location"
          />{' '}
          {t('sos.withLocation')}
        </span>
        {error !== undefined && <Alert type="error" showIcon title={errorMessage(error, t)} />}
        <HoldToSend onSend={send} disabled={busy} />
        <Typography.Text type="secondary" id="sos-hold-visible-hint">
          {t('sos.holdHint')}
        </Typography.Text>
        <Button type="link" danger onClick={confirm} disabled={busy} data-testid="help-confirm">
          {t('sos.confirmInstead')}
        </Button>
      </Space>
    </Card>
  )
}
