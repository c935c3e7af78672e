import type { locationResponse } from '@server/registrations/registrations.schema.ts'
import { App, Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { api, get, put } from '../lib/api.ts'
import { useCountries } from '../lib/countries.ts'
import { formatDateTime } from '../lib/dates.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'

type Location = z.infer<typeof locationResponse>

/** "I am here now": shares the device's position once, on the person's request. */
export function HereNow() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { nameOf } = useCountries()
  const [busy, setBusy] = useState(false)
  // The API answers null when no location is kept.
  const { data, reload } = useLoad(() => get<Location | null>('/api/v1/me/location'))
  const share = () => {
    if (!('geolocation' in navigator)) {
      message.error(t('settings.noGeolocation'))
      return
    }
    setBusy(true)
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        try {
          await put('/api/v1/me/location', {
            lat: pos.coords.latitude,
            lon: pos.coords.longitude,
            accuracyM: Math.round(pos.coords.accuracy),
          })
          message.success(t('settings.locationShared'))
          reload()
        } catch (e) {
          message.error(errorMessage(e, t))
        } finally {
          setBusy(false)
        }
      },
      () => {
        setBusy(false)
        message.error(t('settings.locationDenied'))
      },
      { enableHighAccuracy: false, timeout: 15_000 },
    )
  }
  const forget = async () => {
    await api('DELETE', '/api/v1/me/location').catch(() => undefined)
    reload()
  }
  return (
    <>
      <Typography.Paragraph type="secondary">{t('settings.hereNowHint')}</Typography.Paragraph>
      {data && (
        <Typography.Paragraph data-testid="location-now">
          {t('settings.lastShared', {
            place: data.country ? nameOf(data.country) : `${data.lat.toFixed(3)}, ${data.lon.toFixed(3)}`,
            time: formatDateTime(data.recordedAt),
          })}
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Button type="primary" loading={busy} onClick={share} data-testid="share-location">
          {t('settings.shareLocation')}
        </Button>
        {data && <Button onClick={forget}>{t('settings.forgetLocation')}</Button>}
      </Space>
    </>
  )
}
