import type { MyAlert } from '@server/alerts/alert-me.schema.ts'
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { get } from '../../lib/api.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { LinkButton } from '../../lib/LinkButton.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { awaitsAnswer } from './awaitsAnswer.ts'

/** While an alert still asks whether I am safe, every page says so, until I answer. */
export function AlertAsk() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const { data } = useLoad(
    () => get<{ items: MyAlert[] }>('/api/v1/me/alerts').catch(() => ({ items: [] })),
    pathname,
  )
  if (pathname.startsWith('/alerts/') || pathname === '/me/alerts') return null
  const waiting = (data?.items ?? []).filter((a) => awaitsAnswer(a))
  const first = waiting[0]
  if (!first) return null
  return (
    <Alert
      type="error"
      banner
      data-testid="alert-ask"
      title={t('myAlerts.banner', { headline: first.headline[currentLocale()] })}
      description={waiting.length > 1 ? t('myAlerts.bannerMore', { n: waiting.length - 1 }) : undefined}
      action={
        <LinkButton
          to={waiting.length > 1 ? '/me/alerts' : `/alerts/${first.id}`}
          size="small"
          type="primary"
          danger
          data-testid="alert-ask-open"
        >
          {t('myAlerts.bannerAnswer')}
        </LinkButton>
      }
    />
  )
}
