import { Button, Dropdown } from 'antd'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useNavigate } from 'react-router'
import { AlertAsk } from '../citizen/alerts/AlertAsk.tsx'
import { CitizenTabs } from '../citizen/CitizenTabs.tsx'
import { CrisisAsk } from '../citizen/CrisisAsk.tsx'
import { useAuth } from '../lib/auth.tsx'
import { isStaff } from '../lib/types.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PageLoading } from './PageLoading.tsx'

export function PublicLayout() {
  const { t } = useTranslation()
  const { me, signOut } = useAuth()
  const navigate = useNavigate()
  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand" data-testid="brand">
          {t('app.name')}
        </Link>
        <Link to="/advisories" className="hide-mobile" data-testid="nav-advisories">
          {t('nav.advisories')}
        </Link>
        <Link to="/missions" className="hide-mobile">
          {t('nav.missions')}
        </Link>
        {me?.roles.includes('enterprise') && (
          <Link to="/enterprise" className="hide-mobile" data-testid="nav-enterprise">
            {t('enterprises.tab')}
          </Link>
        )}
        <span className="spacer" />
        <LanguageSwitch ghost />
        {me ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...(isStaff(me)
                  ? [{ key: 'console', label: t('nav.console'), onClick: () => navigate('/console') }]
                  : []),
                ...(me.roles.includes('enterprise')
                  ? [
                      {
                        key: 'enterprise',
                        label: t('enterprises.tab'),
                        onClick: () => navigate('/enterprise'),
                      },
                    ]
                  : []),
                { key: 'advisories', label: t('nav.advisories'), onClick: () => navigate('/advisories') },
                { key: 'missions', label: t('nav.missions'), onClick: () => navigate('/missions') },
                {
                  key: 'out',
                  label: <span data-testid="sign-out">{t('nav.signOut')}</span>,
                  onClick: async () => {
                    await signOut()
                    navigate('/login?signedOut=1')
                  },
                },
              ],
            }}
          >
            <Button size="small" data-testid="account-menu">
              {me.name}
            </Button>
          </Dropdown>
        ) : (
          <Button size="small" onClick={() => navigate('/login')} data-testid="nav-sign-in">
            {t('nav.signIn')}
          </Button>
        )}
      </header>
      {me?.roles.includes('citizen') && <CitizenTabs />}
      {me?.roles.includes('citizen') && <CrisisAsk />}
      {me?.roles.includes('citizen') && <AlertAsk />}
      <main className={me?.roles.includes('citizen') ? 'with-tabs' : undefined}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  )
}
