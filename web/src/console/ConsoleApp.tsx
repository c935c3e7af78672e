import { Button, Drawer, Grid, Layout, Menu, Result, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router'
import { ClinicianPage } from '../health/ClinicianPage.tsx'
import { SitesPage as HealthSitesPage } from '../health/SitesPage.tsx'
import { SproutConsole } from '../health/SproutConsole.tsx'
import { useAuth } from '../lib/auth.tsx'
import { isStaff } from '../lib/types.ts'
import { LanguageSwitch } from '../pages/LanguageSwitch.tsx'
import { Missions } from '../pages/Missions.tsx'
import { AuditLog } from './AuditLog.tsx'
import { AdvisoryEditor } from './advisories/AdvisoryEditor.tsx'
import { AdvisoryList } from './advisories/AdvisoryList.tsx'
import { AlertDetailPage } from './alerts/AlertDetailPage.tsx'
import { AlertListPage } from './alerts/AlertListPage.tsx'
import { ComposerPage } from './alerts/ComposerPage.tsx'
import { BatchesPage } from './applications/BatchesPage.tsx'
import { CataloguePage } from './applications/CataloguePage.tsx'
import { RegisterPage } from './applications/RegisterPage.tsx'
import { ReviewPage } from './applications/ReviewPage.tsx'
import { ReviewQueuePage } from './applications/ReviewQueuePage.tsx'
import { AppointmentsConsole } from './appointments/AppointmentsConsole.tsx'
import { BoardPage } from './cases/BoardPage.tsx'
import { CaseDetailPage } from './cases/CaseDetailPage.tsx'
import { CaseListPage } from './cases/CaseListPage.tsx'
import { HotlinePage } from './cases/HotlinePage.tsx'
import { CrisesPage } from './crises/CrisesPage.tsx'
import { CrisisPage } from './crises/CrisisPage.tsx'
import { EnterprisesVerifyPage } from './enterprises/EnterprisesVerifyPage.tsx'
import { SitesPage } from './enterprises/SitesPage.tsx'
import { MissionContacts } from './MissionContacts.tsx'
import { NotYet } from './NotYet.tsx'
import { BUILT, sectionsFor } from './nav.ts'
import { Outbox } from './Outbox.tsx'
import { Overview } from './Overview.tsx'
import { PeopleSearch } from './people/PeopleSearch.tsx'
import { PersonRecordPage } from './people/PersonRecordPage.tsx'
import { Users } from './Users.tsx'

export function ConsoleApp() {
  const { t } = useTranslation()
  const { me, signOut } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const screens = Grid.useBreakpoint()
  const [drawer, setDrawer] = useState(false)

  if (!me) return <Navigate to="/login" replace />
  if (me.mfa.pending) return <Navigate to={`/mfa?step=${me.mfa.enrolled ? 'verify' : 'enrol'}`} replace />
  if (!isStaff(me))
    return (
      <Result
        status="403"
        title={t('console.forbidden')}
        extra={
          <Link to="/">
            <Button>{t('errors.goHome')}</Button>
          </Link>
        }
      />
    )

  const sections = sectionsFor(me.roles)
  const current = location.pathname.split('/')[2] ?? ''
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[current || 'overview']}
      data-testid="console-nav"
      onClick={({ key }) => {
        setDrawer(false)
        navigate(key === 'overview' ? '/console' : `/console/${key}`)
      }}
      items={[
        { key: 'overview', label: t('console.overview') },
        ...sections.map((s) => ({
          key: s,
          label: <span data-testid={`nav-${s}`}>{t(`console.nav.${s}`)}</span>,
        })),
      ]}
    />
  )
  const wide = screens.md !== false

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="site-header">
        {!wide && (
          <Button
            size="small"
            ghost
            onClick={() => setDrawer(true)}
            aria-label="menu"
            data-testid="console-menu"
          >
            ☰
          </Button>
        )}
        <Link to="/console" className="brand console-brand">
          {t('app.name')} · {t('console.title')}
        </Link>
        <span className="spacer" />
        <LanguageSwitch ghost />
        <Space>
          <span className="hide-mobile" data-testid="console-user">
            {me.name}
          </span>
          <Button
            size="small"
            data-testid="sign-out"
            onClick={async () => {
              await signOut()
              navigate('/login?signedOut=1')
            }}
          >
            {t('nav.signOut')}
          </Button>
        </Space>
      </header>
      <Layout>
        {wide ? (
          <Layout.Sider width={220} theme="light">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260}>
            {menu}
          </Drawer>
        )}
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <Routes>
            <Route index element={<Overview sections={sections} />} />
            {sections.includes('users') && <Route path="users" element={<Users />} />}
            {sections.includes('enterprises') && (
              <Route path="enterprises" element={<EnterprisesVerifyPage />} />
            )}
            {sections.includes('sites') && <Route path="sites" element={<SitesPage />} />}
            {sections.includes('vaccination') && <Route path="vaccination" element={<ClinicianPage />} />}
            {sections.includes('healthSites') && <Route path="healthSites" element={<HealthSitesPage />} />}
            {sections.includes('sprout') && <Route path="sprout" element={<SproutConsole />} />}
            {sections.includes('audit') && <Route path="audit" element={<AuditLog />} />}
            {sections.includes('missions') && (
              <Route
                path="missions"
                element={
                  <>
                    <MissionContacts />
                    {me?.roles.includes('admin') && <Missions />}
                  </>
                }
              />
            )}
            {sections.includes('outbox') && <Route path="outbox" element={<Outbox />} />}
            {sections.includes('advisories') && <Route path="advisories" element={<AdvisoryList />} />}
            {sections.includes('advisories') && (
              <Route path="advisories/:country" element={<AdvisoryEditor />} />
            )}
            {sections.includes('alerts') && <Route path="alerts" element={<AlertListPage />} />}
            {sections.includes('alerts') && <Route path="alerts/new" element={<ComposerPage />} />}
            {sections.includes('alerts') && <Route path="alerts/:id" element={<AlertDetailPage />} />}
            {sections.includes('people') && <Route path="people" element={<PeopleSearch />} />}
            {(sections.includes('people') || sections.includes('hotline') || sections.includes('cases')) && (
              <Route path="people/:id" element={<PersonRecordPage />} />
            )}
            {sections.includes('hotline') && <Route path="hotline" element={<HotlinePage />} />}
            {sections.includes('dashboard') && <Route path="dashboard" element={<BoardPage />} />}
            {sections.includes('crises') && <Route path="crises" element={<CrisesPage />} />}
            {sections.includes('crises') && <Route path="crises/:id" element={<CrisisPage />} />}
            {sections.includes('cases') && <Route path="cases" element={<CaseListPage />} />}
            {sections.includes('cases') && <Route path="cases/:id" element={<CaseDetailPage />} />}
            {sections.includes('services') && <Route path="services" element={<ReviewQueuePage />} />}
            {sections.includes('services') && <Route path="services/register" element={<RegisterPage />} />}
            {sections.includes('services') && <Route path="services/batches" element={<BatchesPage />} />}
            {sections.includes('services') && <Route path="services/:id" element={<ReviewPage />} />}
            {sections.includes('catalogue') && <Route path="catalogue" element={<CataloguePage />} />}
            {sections.includes('appointments') && (
              <Route path="appointments" element={<AppointmentsConsole />} />
            )}
            {sections
              .filter((s) => !BUILT.has(s))
              .map((s) => (
                <Route key={s} path={s} element={<NotYet section={s} />} />
              ))}
            <Route
              path="*"
              element={
                <Typography.Paragraph>
                  <Link to="/console">{t('console.back')}</Link>
                </Typography.Paragraph>
              }
            />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
