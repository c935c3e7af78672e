import { Alert, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api, get, post } from '../../lib/api.ts'

type Status = 'checking' | 'unsupported' | 'insecure' | 'denied' | 'off' | 'on'
type Notice = 'enabled' | 'dismissed' | 'failed' | 'notAllowed'

const SW_URL = '/sw.js'

function supportsPush(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

/** The VAPID key arrives as base64url; `subscribe` wants its bytes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/')
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  return Uint8Array.from(raw, (c) => c.charCodeAt(0))
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false
  const x = new Uint8Array(a)
  return x.every((v, i) => v === b[i])
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/')
  return (await registration?.pushManager.getSubscription()) ?? null
}

async function initialStatus(): Promise<Status> {
  if (!window.isSecureContext) return 'insecure'
  if (!supportsPush()) return 'unsupported'
  if (Notification.permission === 'denied') return 'denied'
  return (await currentSubscription()) ? 'on' : 'off'
}

async function subscribe(): Promise<void> {
  const registration = await navigator.serviceWorker.register(SW_URL, { scope: '/' })
  await navigator.serviceWorker.ready
  const key = keyBytes((await get<{ publicKey: string }>('/api/v1/push/vapid-public-key')).publicKey)
  let subscription = await registration.pushManager.getSubscription()
  // A subscription made with an older server key would be refused by the push service.
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe()
    subscription = null
  }
  subscription ??= await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: key,
  })
  await post('/api/v1/me/push-subscriptions', subscription.toJSON())
}

async function unsubscribe(): Promise<void> {
  const subscription = await currentSubscription()
  if (!subscription) return
  try {
    await api('DELETE', `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`)
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e
  }
  await subscription.unsubscribe()
}

/** Turns web push notifications on or off for this browser, explaining why when it cannot. */
export function PushSwitch() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Status>('checking')
  const [notice, setNotice] = useState<Notice>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    initialStatus()
      .then((s) => live && setStatus(s))
      .catch(() => live && setStatus('unsupported'))
    return () => {
      live = false
    }
  }, [])

  async function toggle(on: boolean) {
    setBusy(true)
    setNotice(undefined)
    try {
      if (on) {
        const permission = await Notification.requestPermission()
        if (permission !== 'granted') {
          setStatus(permission === 'denied' ? 'denied' : 'off')
          if (permission !== 'denied') setNotice('dismissed')
          return
        }
        await subscribe()
        setStatus('on')
        setNotice('enabled')
      } else {
        await unsubscribe()
        setStatus('off')
      }
    } catch (e) {
      setNotice(e instanceof ApiError && e.code === 'push.endpoint_not_allowed' ? 'notAllowed' : 'failed')
      setStatus((await currentSubscription().catch(() => null)) ? 'on' : 'off')
    } finally {
      setBusy(false)
    }
  }

  const blocked = status === 'unsupported' || status === 'insecure' || status === 'denied'
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="push-switch">
      <Space align="center">
        <Switch
          checked={status === 'on'}
          loading={busy || status === 'checking'}
          disabled={blocked}
          onChange={toggle}
          aria-label={t('push.label')}
          checkedChildren={t('push.on')}
          unCheckedChildren={t('push.off')}
        />
        <Typography.Text strong>{t('push.label')}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">{t('push.explanation')}</Typography.Text>
      {blocked && <Alert type="warning" showIcon title={t(`push.status.${status}`)} />}
      {notice && (
        <Alert
          type={notice === 'enabled' ? 'success' : notice === 'dismissed' ? 'info' : 'error'}
          showIcon
          title={t(`push.notice.${notice}`)}
        />
      )}
    </Space>
  )
}
