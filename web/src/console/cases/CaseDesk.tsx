import type { CaseDetail } from '@server/cases/case/case.schema.ts'
import { isOpen } from '@server/cases/case/case-status.ts'
import { CONSOLE_PATHS } from '@server/console/console.paths.ts'
import { App, Button, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useNow } from '../desk/clock.ts'
import { Due } from '../desk/Due.tsx'
import { Phone } from '../desk/Phone.tsx'

const when = (iso: string) =>
  new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'short', timeStyle: 'short' })

/** "Assign to me" for a case that is not the caller's yet. */
export function AssignToMe({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation()
  const { me } = useAuth()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  if (!me) return null
  if (c.assignee?.id === me.id)
    return (
      <Tag color="green" data-testid="assigned-to-me">
        {t('desk.case.assignedToYou')}
      </Tag>
    )
  if (!isOpen(c.status)) return null
  return (
    <Button
      size="small"
      type="primary"
      loading={busy}
      data-testid="assign-to-me"
      onClick={async () => {
        setBusy(true)
        try {
          await post(`/api/v1/cases/${c.id}/events`, { kind: 'assignment', assigneeId: me.id })
          onDone()
        } catch (e) {
          message.error(errorMessage(e, t))
        } finally {
          setBusy(false)
        }
      }}
    >
      {t('desk.case.assignToMe')}
    </Button>
  )
}

/** The first-response target: counting down until staff first answer, then when they did. */
export function FirstResponse({ c }: { c: CaseDetail }) {
  const { t } = useTranslation()
  const now = useNow()
  if (c.firstResponseAt)
    return (
      <span data-testid="first-response-done">{t('desk.case.done', { time: when(c.firstResponseAt) })}</span>
    )
  if (!isOpen(c.status)) return <>—</>
  return (
    <Space size={4} wrap>
      <Due due={c.firstResponseDue} now={now} testId="first-response-due" />
      <Typography.Text type="secondary">{when(c.firstResponseDue)}</Typography.Text>
    </Space>
  )
}

/** The next-update target of an open case, counting down. */
export function NextUpdate({ c }: { c: CaseDetail }) {
  const now = useNow()
  if (!isOpen(c.status) || !c.updateDue) return <>—</>
  return (
    <Space size={4} wrap>
      <Due due={c.updateDue} now={now} testId="update-due" />
      <Typography.Text type="secondary">{when(c.updateDue)}</Typography.Text>
    </Space>
  )
}

/** The people on the case: their record, the phone to call them on, and their emergency contacts. */
export function CasePeople({ c }: { c: CaseDetail }) {
  const { t } = useTranslation()
  if (c.people.length === 0) return <>—</>
  return (
    <Space direction="vertical" size={6} data-testid="case-people">
      {c.people.map((p, i) => {
        const name = [p.person?.nameLatin, p.person?.nameZh].filter(Boolean).join(' · ') || p.person?.name
        return (
          <div key={p.personId ?? `${p.phone}-${i}`}>
            <Space wrap size={6}>
              {p.personId && name ? (
                <Link to={CONSOLE_PATHS.personRecord(p.personId)} data-testid="case-person-link">
                  {name}
                </Link>
              ) : null}
              <Phone number={p.phone ?? p.person?.phone} testId="case-person-phone" />
            </Space>
            {p.emergencyContacts.length > 0 && (
              <div style={{ marginInlineStart: 12 }} data-testid="case-emergency-contacts">
                <Typography.Text type="secondary">
                  {t('desk.case.emergencyContacts', { name: name ?? p.phone ?? '' })}:
                </Typography.Text>{' '}
                {p.emergencyContacts.map((e) => (
                  <span key={`${e.name}${e.phone}`} style={{ marginInlineEnd: 8 }}>
                    {e.name} ({e.relation}) <Phone number={e.phone} />
                  </span>
                ))}
              </div>
            )}
          </div>
        )
      })}
    </Space>
  )
}
