import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { useAuth } from '../lib/auth.tsx'
import { OfflineBanner } from '../lib/offline/OfflineBanner.tsx'
import { useHelpOutbox } from '../lib/offline/useHelpOutbox.ts'
import { AccountButton } from './AccountButton.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PageLoading } from './PageLoading.tsx'

// Only a signed-in person needs the menu, the tabs and the questions: their code stays out of the
// first visit's download.
const AccountMenu = lazy(() => import('./AccountMenu.tsx').then((m) => ({ default: m.AccountMenu })))
const CitizenBars = lazy(() => import('./SignedInParts.tsx').then((m) => ({ default: m.CitizenBars })))

export function PublicLayout() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const citizen = !!me?.roles.includes('citizen')
  useHelpOutbox(citizen ? me?.id : undefined)
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand" data-testid="brand">
          {t('app.name')}
        </Link>
        <nav className="site-nav hide-mobile" aria-label={t('nav.site')}>
          <Link to="/advisories" data-testid="nav-advisories">
            {t('nav.advisories')}
          </Link>
          <Link to="/missions">{t('nav.missions')}</Link>
          {me?.roles.includes('enterprise') && (
            <Link to="/enterprise" data-testid="nav-enterprise">
              {t('enterprises.tab')}
            </Link>
          )}
        </nav>
        <span className="spacer" />
        <LanguageSwitch ghost />
        {me ? (
          <Suspense fallback={<AccountButton me={me} />}>
            <AccountMenu me={me} />
          </Suspense>
        ) : (
          <Link to="/login" className="header-button" data-testid="nav-sign-in">
            {t('nav.signIn')}
          </Link>
        )}
      </header>
      {citizen && (
        <Suspense fallback={null}>
          <CitizenBars />
        </Suspense>
      )}
      <OfflineBanner />
      <main id="main" tabIndex={-1} className={citizen ? 'with-tabs' : undefined}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  )
}
