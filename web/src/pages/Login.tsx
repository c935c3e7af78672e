import { Alert, Button, Card, Form, Input, Segmented, Spin, Typography } from 'antd'
import { lazy, Suspense, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { PhoneCodeSignIn } from '../account/PhoneCodeSignIn.tsx'
import { ApiError, post } from '../lib/api.ts'
import { safeNext, useAuth } from '../lib/auth.tsx'
import { errorMessage } from '../lib/errors.ts'
import { isStaff, type LoginResult } from '../lib/types.ts'
import { type ContactMethod, ContactMethodSwitch } from './ContactMethodSwitch.tsx'

// The widget is loaded only when the server asks for proof of work (after failed sign-ins).
const ProofOfWork = lazy(() => import('./sign-in/ProofOfWork.tsx'))

interface Challenge {
  signature: string
}

interface Values {
  email?: string
  phone?: string
  password: string
}

/** The challenge a refusal carries, when the next try must come with proof of work. */
function challengeOf(e: unknown): Challenge | undefined {
  const challenge = e instanceof ApiError ? e.problem.challenge : undefined
  return challenge && typeof challenge === 'object' && 'signature' in challenge
    ? (challenge as Challenge)
    : undefined
}

export function Login() {
  const { t } = useTranslation()
  const { refresh } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [by, setBy] = useState<ContactMethod>('email')
  const [mode, setMode] = useState<'password' | 'code'>('password')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [challenge, setChallenge] = useState<Challenge>()
  const [solution, setSolution] = useState<string>()
  /** A try the server did not check yet, sent again by itself once the challenge is solved. */
  const waiting = useRef<Values>(undefined)

  function solved(payload: string | undefined) {
    setSolution(payload)
    const values = waiting.current
    if (payload && values) {
      waiting.current = undefined
      void submit(values, payload)
    }
  }

  async function signedIn(result: LoginResult) {
    await refresh()
    if (result.mfa) navigate(`/mfa?step=${result.mfa}`)
    else
      navigate(
        safeNext(params.get('next')) ??
          (isStaff(result.user)
            ? '/console'
            : result.user.roles.includes('enterprise')
              ? '/enterprise'
              : '/'),
      )
  }

  async function submit(values: Values, altcha = solution) {
    if (challenge && !altcha) {
      waiting.current = values
      setError(t('signIn.challengeWait'))
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const body = {
        ...(by === 'email' ? { email: values.email } : { phone: values.phone }),
        password: values.password,
        ...(altcha ? { altcha } : {}),
      }
      await signedIn(await post<LoginResult>('/api/v1/auth/login', body))
    } catch (e) {
      // A solution counts once: the next try needs the new challenge, if the server sent one.
      setChallenge(challengeOf(e))
      setSolution(undefined)
      if (e instanceof ApiError && e.code === 'auth.challenge_required') waiting.current = values
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('auth.signInTitle')}
        </Typography.Title>
        {params.get('signedOut') && (
          <Alert type="success" title={t('auth.signedOut')} style={{ marginBottom: 16 }} />
        )}
        {params.get('mfaAgain') && (
          <Alert
            type="warning"
            title={t('errors.codes.auth_mfa_attempts_exhausted')}
            data-testid="mfa-again"
            style={{ marginBottom: 16 }}
          />
        )}
        <Segmented
          block
          value={mode}
          onChange={(v) => setMode(v as 'password' | 'code')}
          options={[
            { value: 'password', label: t('account.byPassword') },
            { value: 'code', label: <span data-testid="tab-code">{t('account.byCode')}</span> },
          ]}
          style={{ marginBottom: 16 }}
        />
        {mode === 'code' ? (
          <PhoneCodeSignIn onSignedIn={signedIn} />
        ) : (
          <>
            <ContactMethodSwitch value={by} onChange={setBy} />
            <Form layout="vertical" onFinish={(values: Values) => submit(values)} requiredMark={false}>
              {by === 'email' ? (
                <Form.Item
                  name="email"
                  label={t('auth.email')}
                  rules={[{ required: true, message: t('auth.required') }]}
                >
                  <Input type="email" autoComplete="username" data-testid="login-email" />
                </Form.Item>
              ) : (
                <Form.Item
                  name="phone"
                  label={t('auth.phone')}
                  extra={t('auth.phoneHint')}
                  rules={[{ required: true, message: t('auth.required') }]}
                >
                  <Input type="tel" autoComplete="username" data-testid="login-phone" />
                </Form.Item>
              )}
              <Form.Item
                name="password"
                label={t('auth.password')}
                rules={[{ required: true, message: t('auth.required') }]}
              >
                <Input.Password autoComplete="current-password" data-testid="login-password" />
              </Form.Item>
              {challenge && (
                <>
                  <Typography.Paragraph type="secondary">{t('signIn.challengeHint')}</Typography.Paragraph>
                  <Suspense fallback={<Spin />}>
                    <ProofOfWork key={challenge.signature} challenge={challenge} onSolved={solved} />
                  </Suspense>
                </>
              )}
              {error && (
                <Alert type="error" title={error} data-testid="form-error" style={{ marginBottom: 16 }} />
              )}
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
                {t('auth.submitSignIn')}
              </Button>
            </Form>
            <p style={{ marginTop: 12, marginBottom: 0 }}>
              <Link to="/forgot-password" data-testid="forgot-link">
                {t('account.forgot')}
              </Link>
            </p>
          </>
        )}
        <p style={{ marginTop: 16 }}>
          {t('auth.noAccount')} <Link to="/register">{t('nav.signUp')}</Link>
        </p>
      </Card>
    </div>
  )
}
