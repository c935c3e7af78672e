import { Badge, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation, useNavigate } from 'react-router'
import { get } from '../lib/api.ts'
import type { InboxItem } from '../lib/inline-shapes.ts'
import { useLoad } from '../lib/useLoad.ts'

/** `phone: false`: behind "More" on a phone screen, where five tabs and "More" fit 390 px. */
const TABS = [
  { to: '/me/help', key: 'help', phone: true },
  { to: '/me/trips', key: 'trips', phone: true },
  { to: '/me/applications', key: 'applications', phone: false },
  { to: '/me/appointments', key: 'appointments', phone: false },
  { to: '/me/health', key: 'health', phone: false },
  { to: '/advisories', key: 'advisories', phone: true },
  { to: '/me/inbox', key: 'inbox', phone: true },
  { to: '/me/profile', key: 'profile', phone: true },
  { to: '/me/settings', key: 'settings', phone: false },
] as const

/** The citizen's own places: a bar under the header, and at the bottom of a phone screen. */
export function CitizenTabs() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const { data } = useLoad(() => get<InboxItem[]>('/api/v1/me/inbox?limit=50').catch(() => []), pathname)
  const unread = data?.filter((m) => !m.readAt).length ?? 0
  const more = TABS.filter((tab) => !tab.phone)
  const inMore = more.find((tab) => pathname.startsWith(tab.to))
  return (
    <nav className="citizen-tabs" data-testid="citizen-tabs">
      {TABS.map((tab) => (
        <NavLink
          key={tab.key}
          to={tab.to}
          data-testid={`tab-${tab.key}`}
          className={tab.phone ? undefined : 'tab-secondary'}
        >
          {tab.key === 'inbox' ? (
            <Badge count={unread} size="small" offset={[8, -2]}>
              <span>{t(`tabs.${tab.key}`)}</span>
            </Badge>
          ) : (
            t(`tabs.${tab.key}`)
          )}
        </NavLink>
      ))}
      <Dropdown
        trigger={['click']}
        placement="topRight"
        menu={{
          selectedKeys: inMore ? [inMore.key] : [],
          items: more.map((tab) => ({
            key: tab.key,
            label: <span data-testid={`more-${tab.key}`}>{t(`tabs.${tab.key}`)}</span>,
          })),
          onClick: ({ key }) => {
            const tab = more.find((x) => x.key === key)
            if (tab) navigate(tab.to)
          },
        }}
      >
        <button type="button" className={`tab-more${inMore ? ' active' : ''}`} data-testid="tab-more">
          {inMore ? t(`tabs.${inMore.key}`) : t('tabs.more')} ▴
        </button>
      </Dropdown>
    </nav>
  )
}
