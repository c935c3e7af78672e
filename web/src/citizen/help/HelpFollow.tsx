import type { CancelReason } from '@server/cases/hotline/help.enums.ts'
import { OPEN_HELP_STATUSES } from '@server/cases/hotline/help.enums.ts'
import { Alert, App, Button, Card, Descriptions, Space, Steps, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, post, put } from '../../lib/api.ts'
import { formatTime } from '../../lib/dates.ts'
import { errorMessage } from '../../lib/errors.ts'
import { HotlineCall } from './HotlineCall.tsx'
import {
  LOCATION_EVERY_MS,
  type MyHelp,
  position,
  STATUS_POLL_MS,
  setSharesLocation,
  sharesLocation,
} from './help.ts'

const STEPS = ['received', 'acknowledged', 'case_opened', 'closed'] as const
const time = (iso: string) => formatTime(iso)

/**
 * A sent SOS: its reference, its live status, where the hotline calls back, the location shared
 * again every minute while it is open (if the sender agreed), and the way to call it off.
 */
export function HelpFollow({ help, onChange }: { help: MyHelp; onChange: (h: MyHelp) => void }) {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const [sharing, setSharing] = useState(sharesLocation())
  const [error, setError] = useState<unknown>()
  const open = OPEN_HELP_STATUSES.includes(help.status)
  const helpRef = useRef(help)
  helpRef.current = help

  useEffect(() => {
    if (!open) return
    const timer = setInterval(() => {
      get<MyHelp>(`/api/v1/me/help/${help.id}`)
        .then(onChange)
        .catch(() => undefined)
    }, STATUS_POLL_MS)
    return () => clearInterval(timer)
  }, [help.id, open, onChange])

  useEffect(() => {
    if (!open || !sharing) return
    const share = async () => {
      const pos = await position()
      if (!pos) return
      await put<MyHelp>(`/api/v1/me/help/${help.id}/location`, {
        lat: pos.coords.latitude,
        lon: pos.coords.longitude,
      })
        .then(onChange)
        .catch(() => undefined)
    }
    // The request carried the location when it was sent: share again once a minute has passed.
    const last = helpRef.current.locationUpdatedAt ?? helpRef.current.receivedAt
    if (Date.now() - new Date(last).getTime() >= LOCATION_EVERY_MS) void share()
    const timer = setInterval(share, LOCATION_EVERY_MS)
    return () => clearInterval(timer)
  }, [help.id, open, sharing, onChange])

  const cancel = (reason: CancelReason) =>
    modal.confirm({
      title: t(`sos.cancelConfirm.${reason}`),
      okText: t('sos.cancelOk'),
      cancelText: t('sos.cancelKeep'),
      okButtonProps: { 'data-testid': 'help-cancel-ok' } as Record<string, string>,
      onOk: async () => {
        try {
          onChange(await post<MyHelp>(`/api/v1/me/help/${help.id}/cancel`, { reason }))
          message.success(t('sos.cancelled'))
        } catch (e) {
          setError(e)
        }
      },
    })

  const stepIndex = Math.max(0, STEPS.indexOf(help.status as (typeof STEPS)[number]))
  return (
    <Card data-testid="help-follow">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <div>
          <Typography.Text type="secondary">{t('sos.reference')}</Typography.Text>
          <div className="sos-reference" data-testid="help-reference">
            {help.reference}
          </div>
          <Typography.Text type="secondary">
            {t('sos.sentAt', { time: time(help.receivedAt) })}
          </Typography.Text>
        </div>
        <div aria-live="polite">
          <Typography.Text strong data-testid="help-status" data-status={help.status}>
            {t(`sos.status.${help.status}`)}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">{t(`sos.statusText.${help.status}`)}</Typography.Text>
          </div>
        </div>
        {help.status === 'cancelled' ? (
          <Alert
            type="info"
            showIcon
            data-testid="help-cancelled"
            title={t(`sos.cancelReason.${help.cancelReason ?? 'safe_now'}`)}
          />
        ) : (
          <Steps
            direction="vertical"
            size="small"
            current={stepIndex}
            items={STEPS.map((s) => ({ key: s, title: t(`sos.status.${s}`) }))}
          />
        )}
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('sos.callbackOn')}>
            <span data-testid="help-callback-number">{help.callbackPhone ?? t('sos.noCallback')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sos.location')}>
            {help.location
              ? help.locationUpdatedAt
                ? t('sos.locationUpdated', { time: time(help.locationUpdatedAt) })
                : t(`sos.locationFrom.${help.locationSource ?? 'given'}`)
              : t('sos.noLocation')}
          </Descriptions.Item>
        </Descriptions>
        {open && (
          <label>
            <input
              type="checkbox"
              checked={sharing}
              onChange={(e) => {
                setSharing(e.target.checked)
                setSharesLocation(e.target.checked)
              }}
              data-testid="help-share-location"
            />{' '}
            {t('sos.shareWhileOpen')}
          </label>
        )}
        {error !== undefined && <Alert type="error" showIcon title={errorMessage(error, t)} />}
        {open && (
          <Space wrap>
            <Button
              size="large"
              autoInsertSpace={false}
              onClick={() => cancel('safe_now')}
              data-testid="help-safe-now"
            >
              {t('sos.safeNow')}
            </Button>
            <Button
              size="large"
              autoInsertSpace={false}
              onClick={() => cancel('false_alarm')}
              data-testid="help-false-alarm"
            >
              {t('sos.falseAlarm')}
            </Button>
          </Space>
        )}
        <HotlineCall block />
      </Space>
    </Card>
  )
}
