import { App as AntApp, ConfigProvider } from 'antd'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { RequireSignIn } from './citizen/RequireSignIn.tsx'
import { AuthProvider, useAuth } from './lib/auth.tsx'
import { ClearMessagesOnLeave } from './lib/ClearMessagesOnLeave.tsx'
import { antdLocaleOf } from './lib/i18n.ts'
import { lazyPage } from './lib/lazy-page.ts'
import { DemoRibbon } from './pages/DemoRibbon.tsx'
import { Home } from './pages/Home.tsx'
import { PageLoading } from './pages/PageLoading.tsx'
import { PublicLayout } from './pages/PublicLayout.tsx'

const Login = lazyPage(() => import('./pages/Login.tsx'), 'Login')
const NotFound = lazyPage(() => import('./pages/NotFound.tsx'), 'NotFound')
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
const SproutPage = lazyPage(() => import('./health/SproutPage.tsx'), 'SproutPage')
const Mfa = lazyPage(() => import('./pages/Mfa.tsx'), 'Mfa')
const Missions = lazyPage(() => import('./pages/Missions.tsx'), 'Missions')
const Register = lazyPage(() => import('./pages/Register.tsx'), 'Register')
const VerifyPage = lazyPage(() => import('./health/VerifyPage.tsx'), 'VerifyPage')

/**
 * Contrast ≥ 4.5:1 on white for every text (WCAG 2.2 AA): antd's greys (45 % black) and its red and
 * blue fall short. The brand red stays for the header and for danger; actions are a dark blue.
 */
const THEME = {
  token: {
    colorPrimary: '#0b3d91',
    colorLink: '#0b3d91',
    colorError: '#b71c1c',
    colorSuccess: '#2e7d32',
    colorWarning: '#ad5700',
    colorInfo: '#0b3d91',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
}

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
            path="me/health/sprout"
            element={
              <RequireSignIn>
                <SproutPage />
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
    <ConfigProvider locale={antdLocaleOf(i18n.language)} theme={THEME}>
      <AntApp>
        <ClearMessagesOnLeave />
        <AuthProvider>
          <DemoRibbon />
          <Routed />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  )
}
