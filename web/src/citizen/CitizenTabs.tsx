import { Badge } from 'antd'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation } from 'react-router'
import { get } from '../lib/api.ts'
import type { InboxItem } from '../lib/inline-shapes.ts'
import { useLoad } from '../lib/useLoad.ts'

const TABS = [
  { to: '/me/help', key: 'help' },
  { to: '/me/trips', key: 'trips' },
  { to: '/me/applications', key: 'applications' },
  { to: '/me/appointments', key: 'appointments' },
  { to: '/me/health', key: 'health' },
  { to: '/advisories', key: 'advisories' },
  { to: '/me/inbox', key: 'inbox' },
  { to: '/me/profile', key: 'profile' },
  { to: '/me/settings', key: 'settings' },
] as const

/** The citizen's own places: a bar under the header, and at the bottom of a phone screen. */
export function CitizenTabs() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const { data } = useLoad(() => get<InboxItem[]>('/api/v1/me/inbox?limit=50').catch(() => []), pathname)
  const unread = data?.filter((m) => !m.readAt).length ?? 0
  return (
    <nav className="citizen-tabs" data-testid="citizen-tabs">
      {TABS.map((tab) => (
        <NavLink key={tab.key} to={tab.to} data-testid={`tab-${tab.key}`}>
          {tab.key === 'inbox' ? (
            <Badge count={unread} size="small" offset={[8, -2]}>
              <span>{t(`tabs.${tab.key}`)}</span>
            </Badge>
          ) : (
            t(`tabs.${tab.key}`)
          )}
        </NavLink>
      ))}
    </nav>
  )
}
