import { App as AntApp, ConfigProvider, Spin } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { AdvisoryCountryPage } from './advisories/AdvisoryCountryPage.tsx'
import { AdvisoryMapPage } from './advisories/AdvisoryMapPage.tsx'
import { AnswerLinkPage } from './citizen/alerts/AnswerLinkPage.tsx'
import { MyAlertPage } from './citizen/alerts/MyAlertPage.tsx'
import { MyAlertsPage } from './citizen/alerts/MyAlertsPage.tsx'
import { ApplicationPage } from './citizen/applications/ApplicationPage.tsx'
import { MyApplicationsPage } from './citizen/applications/MyApplicationsPage.tsx'
import { StatusCheckPage } from './citizen/applications/StatusCheckPage.tsx'
import { HelpPage } from './citizen/HelpPage.tsx'
import { InboxPage } from './citizen/InboxPage.tsx'
import { ProfilePage } from './citizen/ProfilePage.tsx'
import { RequireSignIn } from './citizen/RequireSignIn.tsx'
import { SettingsPage } from './citizen/SettingsPage.tsx'
import { TripsPage } from './citizen/TripsPage.tsx'
import { ConsoleApp } from './console/ConsoleApp.tsx'
import { WalletPage } from './health/WalletPage.tsx'
import { AuthProvider, useAuth } from './lib/auth.tsx'
import { Home } from './pages/Home.tsx'
import { Login } from './pages/Login.tsx'
import { Mfa } from './pages/Mfa.tsx'
import { Missions } from './pages/Missions.tsx'
import { NotFound } from './pages/NotFound.tsx'
import { PublicLayout } from './pages/PublicLayout.tsx'
import { Register } from './pages/Register.tsx'

/**
 * The verifier (X.509, CBOR, Zod, the QR readers) is a chunk of its own, fetched when /verify is
 * opened: nobody else pays for it. Once fetched (and the lists loaded) it works offline.
 */
const VerifyPage = lazy(() => import('./health/VerifyPage.tsx').then((m) => ({ default: m.VerifyPage })))

function Loading() {
  const { t } = useTranslation()
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin tip={t('common.loading')} />
    </div>
  )
}

function Routed() {
  const { loading } = useAuth()
  const { t } = useTranslation()
  if (loading)
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin tip={t('common.loading')} />
      </div>
    )
  return (
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
        <Route
          path="verify"
          element={
            <Suspense fallback={<Loading />}>
              <VerifyPage />
            </Suspense>
          }
        />
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
