import { App, Button, Empty, List, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, get, post } from '../lib/api.ts'
import { countryOptions, useCountries } from '../lib/countries.ts'
import { errorMessage } from '../lib/errors.ts'
import { localized } from '../lib/i18n.ts'
import type { Subscription } from '../lib/inline-shapes.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'

export function FollowedCountries() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { countries } = useCountries()
  const [picked, setPicked] = useState<string>()
  const { data, error, reload } = useLoad(() => get<Subscription[]>('/api/v1/me/subscriptions'))
  const run = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call()
      message.success(t(done))
      setPicked(undefined)
      reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  if (error) return <LoadError error={error} retry={reload} />
  return (
    <>
      <Space.Compact style={{ width: '100%', maxWidth: 420, marginBottom: 12 }}>
        <Select
          showSearch={{ optionFilterProp: 'search' }}
          options={countryOptions(countries)}
          value={picked}
          onChange={setPicked}
          placeholder={t('settings.pickCountry')}
          style={{ flex: 1 }}
          aria-label={t('settings.pickCountry')}
          data-testid="follow-country"
        />
        <Button
          type="primary"
          disabled={!picked}
          onClick={() =>
            run(() => post('/api/v1/me/subscriptions', { country: picked }), 'advisories.followed')
          }
          data-testid="follow-add"
        >
          {t('advisories.follow')}
        </Button>
      </Space.Compact>
      {!data?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.noFollowed')} />
      ) : (
        <List
          size="small"
          data-testid="followed-list"
          dataSource={data}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Button
                  key="x"
                  type="link"
                  danger
                  onClick={() =>
                    run(() => api('DELETE', `/api/v1/me/subscriptions/${s.country}`), 'advisories.unfollowed')
                  }
                >
                  {t('advisories.unfollow')}
                </Button>,
              ]}
            >
              <Link to={`/advisories/${s.country}`}>{localized(s.name)}</Link>
            </List.Item>
          )}
        />
      )}
    </>
  )
}
