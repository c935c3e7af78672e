import { ACCESS, allowedBy } from '@server/identity/role.ts'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmergencyNumbers, HOTLINE } from '../citizen/EmergencyNumbers.tsx'
import { useTravellingTo } from '../citizen/useTravellingTo.ts'
import { useAuth } from '../lib/auth.tsx'
import { isStaff } from '../lib/types.ts'
import './home.css'

// Plain markup, no component library: this is the page every first visit downloads, on any phone.
const SERVICES = [
  { key: 'registry', to: '/me/trips' },
  { key: 'advisories', to: '/advisories' },
  { key: 'alerts', to: '/me/alerts' },
  { key: 'help', to: '/me/help' },
  { key: 'services', to: '/me/applications' },
  { key: 'health', to: '/me/health' },
] as const

function HotlineLink() {
  const { t } = useTranslation()
  // "12308 in China · +86-10-12308 from abroad": each half kept whole, a line break only between them.
  const parts = t('home.hotlineNumbers').split(' · ')
  return (
    <a className="tel" href={`tel:${HOTLINE.replace(/[^+0-9]/g, '')}`} data-testid="home-hotline-tel">
      {parts.map((p, i) => (
        <Fragment key={p}>
          <span className="nowrap">{p}</span>
          {/* The separator outside the unbreakable halves: the only place the line may break. */}
          {i < parts.length - 1 ? ' · ' : ''}
        </Fragment>
      ))}
    </a>
  )
}

export function Home() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const where = useTravellingTo(!!me?.roles.includes('citizen'))
  return (
    <div className="page">
      <h1 data-testid="home-title" className="page-title">
        {me ? t('home.welcome', { name: me.name }) : t('app.tagline')}
      </h1>
      <div className="hotline" data-testid="hotline">
        <div>{t('home.hotline')}</div>
        <div className="number">
          <HotlineLink />
        </div>
        <div className="secondary">{t('home.emergency')}</div>
      </div>
      {where && <EmergencyNumbers country={where} maxMissions={1} />}
      {!me && (
        <div className="home-actions">
          <Link to="/register" className="link-button primary" data-testid="cta-register">
            {t('home.start')}
          </Link>
          <Link to="/login" className="link-button">
            {t('nav.signIn')}
          </Link>
        </div>
      )}
      {me && isStaff(me) && (
        <div className="home-actions">
          <Link to="/console" className="link-button primary">
            {t('nav.console')}
          </Link>
        </div>
      )}
      <h2 className="section-title">{t('home.offers')}</h2>
      <ul className="service-grid" data-testid="services">
        {SERVICES.filter((s) => s.key !== 'help' || !me || allowedBy(ACCESS.citizens, me)).map((s) => (
          <li key={s.key} className="service-card">
            <h3>{t(`home.services.${s.key}.title`)}</h3>
            <p>{t(`home.services.${s.key}.text`)}</p>
            <Link to={s.to} data-testid={`service-${s.key}`}>
              {t(`home.services.${s.key}.open`)} →
            </Link>
          </li>
        ))}
        <li className="service-card">
          <h3>{t('missions.title')}</h3>
          <Link to="/missions">{t('missions.search')} →</Link>
        </li>
      </ul>
    </div>
  )
}
