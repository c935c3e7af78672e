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

const ForgotPasswordPage = lazyPage(() => import('./account/ForgotPasswordPage.tsx'), 'ForgotPasswordPage')
const SubscriptionConfirmPage = lazyPage(
  () => import('./account/LandingPages.tsx'),
  'SubscriptionConfirmPage',
)
const UnsubscribePage = lazyPage(() => import('./account/LandingPages.tsx'), 'UnsubscribePage')
const VerifyEmailPage = lazyPage(() => import('./account/LandingPages.tsx'), 'VerifyEmailPage')
const ResetPasswordPage = lazyPage(() => import('./account/ResetPasswordPage.tsx'), 'ResetPasswordPage')
const AdvisoryCountryPage = lazyPage(
  () => import('./advisories/AdvisoryCountryPage.tsx'),
  'AdvisoryCountryPage',
)
const AdvisoryMapPage = lazyPage(() => import('./advisories/AdvisoryMapPage.tsx'), 'AdvisoryMapPage')
const DisplayPage = lazyPage(() => import('./appointments/DisplayPage.tsx'), 'DisplayPage', {
  bothLanguages: true,
})
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
const BookPage = lazyPage(() => import('./citizen/appointments/BookPage.tsx'), 'BookPage')
const ManagePage = lazyPage(() => import('./citizen/appointments/ManagePage.tsx'), 'ManagePage')
const MyAppointmentsPage = lazyPage(
  () => import('./citizen/appointments/MyAppointmentsPage.tsx'),
  'MyAppointmentsPage',
)
const HelpPage = lazyPage(() => import('./citizen/help/HelpPage.tsx'), 'HelpPage')
const InboxPage = lazyPage(() => import('./citizen/InboxPage.tsx'), 'InboxPage')
const ProfilePage = lazyPage(() => import('./citizen/ProfilePage.tsx'), 'ProfilePage')
const SettingsPage = lazyPage(() => import('./citizen/SettingsPage.tsx'), 'SettingsPage')
const TripsPage = lazyPage(() => import('./citizen/TripsPage.tsx'), 'TripsPage')
const ConsoleApp = lazyPage(() => import('./console/ConsoleApp.tsx'), 'ConsoleApp', { bothLanguages: true })
const EnterprisePage = lazyPage(() => import('./enterprise/EnterprisePage.tsx'), 'EnterprisePage')
const EnterprisePortal = lazyPage(() => import('./enterprise/EnterprisePortal.tsx'), 'EnterprisePortal')
const HeadcountPage = lazyPage(() => import('./enterprise/HeadcountPage.tsx'), 'HeadcountPage')
const WalletPage = lazyPage(() => import('./health/WalletPage.tsx'), 'WalletPage')
const Mfa = lazyPage(() => import('./pages/Mfa.tsx'), 'Mfa')
const Missions = lazyPage(() => import('./pages/Missions.tsx'), 'Missions')
const Register = lazyPage(() => import('./pages/Register.tsx'), 'Register')
const VerifyPage = lazyPage(() => import('./health/VerifyPage.tsx'), 'VerifyPage')

function Routed() {
  const { loading } = useAuth()
  if (loading) return <PageLoading />
  return (
    <Suspense fallback={<PageLoading />}>
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
