import { App, Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, get, post } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { errorMessage } from '../lib/errors.ts'
import type { Subscription } from '../lib/inline-shapes.ts'
import { useLoad } from '../lib/useLoad.ts'

/** Follow or unfollow a country's advisory; sends a visitor to sign in first. */
export function FollowButton({ country }: { country: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me } = useAuth()
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const { data, reload } = useLoad(
    () => (me ? get<Subscription[]>('/api/v1/me/subscriptions') : Promise.resolve([])),
    me?.id ?? '',
  )
  const following = !!data?.some((s) => s.country === country)
  if (!me)
    return (
      <Button onClick={() => navigate(`/login?next=/advisories/${country}`)} data-testid="follow">
        {t('advisories.signInToFollow')}
      </Button>
    )
  const toggle = async () => {
    setBusy(true)
    try {
      if (following) await api('DELETE', `/api/v1/me/subscriptions/${country}`)
      else await post('/api/v1/me/subscriptions', { country })
      message.success(t(following ? 'advisories.unfollowed' : 'advisories.followed'))
      reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button type={following ? 'default' : 'primary'} loading={busy} onClick={toggle} data-testid="follow">
      {t(following ? 'advisories.unfollow' : 'advisories.follow')}
    </Button>
  )
}
