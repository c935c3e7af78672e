import { OPEN_HELP_STATUSES } from '@server/cases/hotline/help.enums.ts'
import { ACCESS, allowedBy } from '@server/identity/role.ts'
import { Alert, Button, Spin, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { HELP_SENT_EVENT, queuedHelp } from '../../lib/offline/help-outbox.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { EmergencyNumbers } from '../EmergencyNumbers.tsx'
import { useTravellingTo } from '../useTravellingTo.ts'
import { HelpFollow } from './HelpFollow.tsx'
import { HelpForm } from './HelpForm.tsx'
import { HotlineCall } from './HotlineCall.tsx'
import type { MyHelp } from './help.ts'

/** SOS: reaches the 24-hour hotline as a top-priority request, then shows how it is followed up. */
export function HelpPage() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const may = !!me && allowedBy(ACCESS.citizens, me)
  const latest = useLoad(() => (may ? get<MyHelp[]>('/api/v1/me/help') : Promise.resolve([])))
  const [help, setHelp] = useState<MyHelp | null>()
  useEffect(() => {
    if (latest.data && help === undefined)
      setHelp(latest.data.find((h) => OPEN_HELP_STATUSES.includes(h.status)) ?? null)
  }, [latest.data, help])
  const onChange = useCallback((h: MyHelp) => setHelp(h), [])
  // An SOS written offline: shown as waiting until the shell sends it, then followed as any other.
  const [queued, setQueued] = useState(() => (me ? queuedHelp(me.id) : null))
  useEffect(() => {
    const sent = (e: Event) => {
      setQueued(null)
      setHelp((e as CustomEvent<MyHelp>).detail)
    }
    window.addEventListener(HELP_SENT_EVENT, sent)
    return () => window.removeEventListener(HELP_SENT_EVENT, sent)
  }, [])
  const where = useTravellingTo(may)

  return (
    <div className="page narrow-page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('sos.title')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('sos.police')} style={{ marginBottom: 16 }} />
      {!may ? (
        <Alert type="info" showIcon title={t('sos.notForRole')} data-testid="help-not-for-role" />
      ) : queued ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          data-testid="help-queued"
          title={t('offline.sosQueued')}
          description={t('offline.sosQueuedText')}
        />
      ) : help === undefined && !latest.error ? (
        <Spin />
      ) : help ? (
        <>
          <HelpFollow help={help} onChange={onChange} />
          {!OPEN_HELP_STATUSES.includes(help.status) && (
            <Button type="link" onClick={() => setHelp(null)} data-testid="help-new">
              {t('sos.sendAnother')}
            </Button>
          )}
        </>
      ) : (
        <HelpForm onSent={onChange} onQueued={() => setQueued(me ? queuedHelp(me.id) : null)} />
      )}
      <div style={{ marginTop: 16 }}>
        {(!may || !help) && <HotlineCall block />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('sos.hotline')}
        </Typography.Paragraph>
      </div>
      {where && <EmergencyNumbers country={where} maxMissions={1} />}
    </div>
  )
}
