import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { RequireSignIn } from './citizen/RequireSignIn.tsx'
import { AuthProvider, useAuth } from './lib/auth.tsx'
import { lazyPage } from './lib/lazy-page.ts'
import { Home } from './pages/Home.tsx'
import { Login } from './pages/Login.tsx'
import { NotFound } from './pages/NotFound.tsx'
import { PageLoading } from './pages/PageLoading.tsx'
import { PublicLayout } from './pages/PublicLayout.tsx'

const AdvisoryCountryPage = lazyPage(
  () => import('./advisories/AdvisoryCountryPage.tsx'),
  'AdvisoryCountryPage',
)
const AdvisoryMapPage = lazyPage(() => import('./advisories/AdvisoryMapPage.tsx'), 'AdvisoryMapPage')
const AnswerLinkPage = lazyPage(() => import('./citizen/alerts/AnswerLinkPage.tsx'), 'AnswerLinkPage')
const MyAlertPage = lazyPage(() => import('./citizen/alerts/MyAlertPage.tsx'), 'MyAlertPage')
const MyAlertsPage = lazyPage(() => import('./citizen/alerts/MyAlertsPage.tsx'), 'MyAlertsPage')
const ApplicationPage = lazyPage(
  () => import('./citizen/applications/ApplicationPage.tsx'),
  'ApplicationPage',
  { bothLanguages: true },
)
const MyApplicationsPage = lazyPage(
  () => import('./citizen/applications/MyApplicationsPage.tsx'),
  'MyApplicationsPage',
)
const StatusCheckPage = lazyPage(
  () => import('./citizen/applications/StatusCheckPage.tsx'),
  'StatusCheckPage',
)
const HelpPage = lazyPage(() => import('./citizen/HelpPage.tsx'), 'HelpPage')
const InboxPage = lazyPage(() => import('./citizen/InboxPage.tsx'), 'InboxPage')
const ProfilePage = lazyPage(() => import('./citizen/ProfilePage.tsx'), 'ProfilePage')
const SettingsPage = lazyPage(() => import('./citizen/SettingsPage.tsx'), 'SettingsPage')
const TripsPage = lazyPage(() => import('./citizen/TripsPage.tsx'), 'TripsPage')
const ConsoleApp = lazyPage(() => import('./console/ConsoleApp.tsx'), 'ConsoleApp', { bothLanguages: true })
const VerifyPage = lazyPage(() => import('./health/VerifyPage.tsx'), 'VerifyPage')
const WalletPage = lazyPage(() => import('./health/WalletPage.tsx'), 'WalletPage')
const Mfa = lazyPage(() => import('./pages/Mfa.tsx'), 'Mfa')
const Missions = lazyPage(() => import('./pages/Missions.tsx'), 'Missions')
const Register = lazyPage(() => import('./pages/Register.tsx'), 'Register')

function Routed() {
  const { loading } = useAuth()
  if (loading) return <PageLoading />
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/console/*" element={<ConsoleApp />} />
        <Route element={<PublicLayout />}>
          <Route index element={<Home />} />
          <Route path="login" element={<Login />} />
          <Route path="register" element={<Register />} />
          <Route path="mfa" element={<Mfa />} />
          <Route path="missions" element={<Missions />} />
          <Route path="advisories" element={<AdvisoryMapPage />} />
          <Route path="advisories/:code" element={<AdvisoryCountryPage />} />
          <Route path="alerts/:id/answer" element={<AnswerLinkPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route
            path="me/health"
            element={
              <RequireSignIn>
                <WalletPage />
              </RequireSignIn>
            }
          />
          <Route
            path="alerts/:id"
            element={
              <RequireSignIn>
                <MyAlertPage />
              </RequireSignIn>
            }
          />
          <Route
            path="me/alerts"
            element={
              <RequireSignIn>
                <MyAlertsPage />
              </RequireSignIn>
            }
          />
          <Route path="applications/status" element={<StatusCheckPage />} />
          <Route
            path="me/applications"
            element={
              <RequireSignIn>
                <MyApplicationsPage />
              </RequireSignIn>
            }
          />
          <Route
            path="me/applications/:id"
            element={
              <RequireSignIn>
                <ApplicationPage />
              </RequireSignIn>
            }
          />
          <Route
            path="me/help"
            element={
              <RequireSignIn>
                <HelpPage />
              </RequireSignIn>
            }
          />
          <Route
            path="me/trips"
            element={
              <RequireSignIn>
                <TripsPage />
              </RequireSignIn>
            }
          />
          <Route
            path="me/profile"
            element={
              <RequireSignIn>
                <ProfilePage />
              </RequireSignIn>
            }
          />
          <Route
            path="me/inbox"
            element={
              <RequireSignIn>
                <InboxPage />
              </RequireSignIn>
            }
          />
          <Route
            path="me/settings"
            element={
              <RequireSignIn>
                <SettingsPage />
              </RequireSignIn>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  )
}

export function App() {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b71c1c' } }}
    >
      <AntApp>
        <AuthProvider>
          <Routed />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  )
}
