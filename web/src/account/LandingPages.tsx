import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { post } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { localized } from '../lib/i18n.ts'
import { TokenLanding } from './TokenLanding.tsx'

/** The e-mail verification link's page. */
export function VerifyEmailPage() {
  const { t } = useTranslation()
  const { refresh } = useAuth()
  const token = useSearchParams()[0].get('token') ?? ''
  return (
    <TokenLanding
      title={t('account.verifyEmailTitle')}
      testId="verify-email"
      auto
      action={async () => {
        const r = await post<{ email: string }>('/api/v1/auth/email/verify', { token })
        await refresh().catch(() => null)
        return r
      }}
      done={(r) => <Alert type="success" title={t('account.verifyEmailDone', { email: r.email })} />}
    />
  )
}

/** The subscription's confirmation link. */
export function SubscriptionConfirmPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const id = params.get('id') ?? ''
  const token = params.get('token') ?? ''
  return (
    <TokenLanding
      title={t('account.subscribeConfirmTitle')}
      testId="subscription-confirm"
      auto
      action={() =>
        post<{ country: string; name: { 'zh-CN': string; en: string } }>(
          `/api/v1/public/subscriptions/${encodeURIComponent(id)}/confirm`,
          { token },
        )
      }
      done={(r) => (
        <Alert type="success" title={t('account.subscribeConfirmed', { country: localized(r.name) })} />
      )}
    />
  )
}

/** The unsubscribe link in each mail's text: one button (mail clients use the one-click header). */
export function UnsubscribePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const id = params.get('id') ?? ''
  const sig = params.get('sig') ?? ''
  return (
    <TokenLanding
      title={t('account.unsubscribeTitle')}
      testId="unsubscribe"
      ask={{ text: t('account.unsubscribeAsk'), button: t('account.unsubscribeButton') }}
      action={() =>
        post(
          `/api/v1/public/subscriptions/${encodeURIComponent(id)}/unsubscribe?sig=${encodeURIComponent(sig)}`,
        )
      }
      done={() => <Alert type="success" title={t('account.unsubscribed')} />}
    />
  )
}
