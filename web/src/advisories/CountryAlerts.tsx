import type { publicAlertSummary } from '@server/alerts/alert-public.schema.ts'
import { List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { SeverityTag } from '../alerts/labels.tsx'
import { get } from '../lib/api.ts'
import { formatDateTime } from '../lib/dates.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'

type PublicAlert = z.infer<typeof publicAlertSummary>

/** The safety alerts in force for the country, above its advice; nothing when there are none. */
export function CountryAlerts({ country }: { country: string }) {
  const { t } = useTranslation()
  const { data } = useLoad(
    () => get<{ items: PublicAlert[] }>(`/api/v1/public/alerts?country=${country}`),
    country,
  )
  if (!data?.items.length) return null
  const time = (iso: string | null) => (iso ? formatDateTime(iso) : '—')
  return (
    <>
      <Typography.Title level={4}>{t('advisories.alertsInForce')}</Typography.Title>
      <List
        bordered
        style={{ marginBottom: 16 }}
        data-testid="country-alerts"
        dataSource={data.items}
        renderItem={(a) => (
          <List.Item key={a.id}>
            <List.Item.Meta
              avatar={<SeverityTag severity={a.severity} />}
              title={localized(a.headline)}
              description={t('advisories.alertWhen', {
                area: localized(a.areaDesc),
                sent: time(a.sentAt),
                expires: time(a.expiresAt),
              })}
            />
          </List.Item>
        )}
      />
    </>
  )
}
