import { App as AntApp, ConfigProvider, Spin } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { ForgotPasswordPage } from './account/ForgotPasswordPage.tsx'
import { SubscriptionConfirmPage, UnsubscribePage, VerifyEmailPage } from './account/LandingPages.tsx'
import { ResetPasswordPage } from './account/ResetPasswordPage.tsx'
import { AdvisoryCountryPage } from './advisories/AdvisoryCountryPage.tsx'
import { AdvisoryMapPage } from './advisories/AdvisoryMapPage.tsx'
import { DisplayPage } from './appointments/DisplayPage.tsx'
import { AnswerLinkPage } from './citizen/alerts/AnswerLinkPage.tsx'
import { MyAlertPage } from './citizen/alerts/MyAlertPage.tsx'
import { MyAlertsPage } from './citizen/alerts/MyAlertsPage.tsx'
import { ApplicationPage } from './citizen/applications/ApplicationPage.tsx'
import { MyApplicationsPage } from './citizen/applications/MyApplicationsPage.tsx'
import { StatusCheckPage } from './citizen/applications/StatusCheckPage.tsx'
import { BookPage } from './citizen/appointments/BookPage.tsx'
import { ManagePage } from './citizen/appointments/ManagePage.tsx'
import { MyAppointmentsPage } from './citizen/appointments/MyAppointmentsPage.tsx'
import { HelpPage } from './citizen/help/HelpPage.tsx'
import { InboxPage } from './citizen/InboxPage.tsx'
import { ProfilePage } from './citizen/ProfilePage.tsx'
import { RequireSignIn } from './citizen/RequireSignIn.tsx'
import { SettingsPage } from './citizen/SettingsPage.tsx'
import { TripsPage } from './citizen/TripsPage.tsx'
import { ConsoleApp } from './console/ConsoleApp.tsx'
import { EnterprisePage } from './enterprise/EnterprisePage.tsx'
import { EnterprisePortal } from './enterprise/EnterprisePortal.tsx'
import { HeadcountPage } from './enterprise/HeadcountPage.tsx'
import { VerifyPage } from './health/VerifyPage.tsx'
import { WalletPage } from './health/WalletPage.tsx'
import { AuthProvider, useAuth } from './lib/auth.tsx'
import { Home } from './pages/Home.tsx'
import { Login } from './pages/Login.tsx'
import { Mfa } from './pages/Mfa.tsx'
import { Missions } from './pages/Missions.tsx'
import { NotFound } from './pages/NotFound.tsx'
import { PublicLayout } from './pages/PublicLayout.tsx'
import { Register } from './pages/Register.tsx'

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
      <Route path="/display/:mission" element={<DisplayPage />} />
      <Route element={<PublicLayout />}>
        <Route index element={<Home />} />
        <Route path="login" element={<Login />} />
        <Route path="register" element={<Register />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="subscriptions/confirm" element={<SubscriptionConfirmPage />} />
        <Route path="subscriptions/unsubscribe" element={<UnsubscribePage />} />
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
        <Route path="appointments/manage/:id" element={<ManagePage />} />
        <Route
          path="me/appointments"
          element={
            <RequireSignIn>
              <MyAppointmentsPage />
            </RequireSignIn>
          }
        />
        <Route
          path="me/appointments/book"
          element={
            <RequireSignIn>
              <BookPage />
            </RequireSignIn>
          }
        />
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
        <Route
          path="enterprise"
          element={
            <RequireSignIn>
              <EnterprisePortal />
            </RequireSignIn>
          }
        />
        <Route
          path="enterprise/alerts/:id"
          element={
            <RequireSignIn>
              <HeadcountPage />
            </RequireSignIn>
          }
        />
        <Route
          path="enterprise/:id"
          element={
            <RequireSignIn>
              <EnterprisePage />
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
