import { Alert, Button, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { type AlertDetail, reachTotal } from './alert.ts'
import { when } from './StatusTag.tsx'

/**
 * Sending reaches people's phones at once, so it asks first and says how many. An officer's
 * Severe or Extreme alert is submitted instead, and a duty officer approves it with this button.
 */
export function SendButton(props: {
  alert: AlertDetail
  duty: boolean
  countries: string
  onSent: (a: AlertDetail) => void
}) {
  const { t } = useTranslation()
  const { alert, duty } = props
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const approving = alert.status === 'pending_approval'
  const submits = !duty && alert.approval.required
  const r = alert.reach
  const action = approving ? 'approve' : submits ? 'submit' : 'send'

  async function send() {
    setBusy(true)
    setError(undefined)
    try {
      const sent = await post<AlertDetail>(`/api/v1/alerts/${alert.id}/send`)
      setOpen(false)
      props.onSent(sent)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button type="primary" danger onClick={() => setOpen(true)} data-testid="send-alert">
        {t(`alertsConsole.send.${action}`)}
      </Button>
      <Modal
        open={open}
        title={t(`alertsConsole.send.${action}Title`)}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>,
          <Button key="ok" type="primary" danger loading={busy} onClick={send} data-testid="send-confirm">
            {t(`alertsConsole.send.${action}Confirm`, { n: reachTotal(r) })}
          </Button>,
        ]}
      >
        <Typography.Paragraph strong data-testid="send-warning">
          {alert.msgType === 'Cancel'
            ? t('alertsConsole.send.cancelReach')
            : t('alertsConsole.send.reach', {
                n: reachTotal(r),
                people: r.people,
                trips: r.trips,
                subscribers: r.subscribers,
                countries: props.countries || '—',
              })}
        </Typography.Paragraph>
        {r.countedAt && (
          <Typography.Paragraph type="secondary">
            {t('alertsConsole.send.countedAt', { at: when(r.countedAt) })}
          </Typography.Paragraph>
        )}
        {submits && !approving && (
          <Alert
            type="info"
            showIcon
            title={t('alertsConsole.send.waitsForDuty')}
            style={{ marginBottom: 12 }}
          />
        )}
        {reachTotal(r) === 0 && alert.msgType !== 'Cancel' && (
          <Alert
            type="warning"
            showIcon
            title={t('alertsConsole.send.nobody')}
            style={{ marginBottom: 12 }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="send-error" />}
      </Modal>
    </>
  )
}
