import type { Country, Mission } from '@server/reference/reference.schema.ts'
import { Card, Empty, Input, List, Skeleton, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get } from '../lib/api.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from './LoadError.tsx'

export function Missions() {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const { data, error, loading, reload } = useLoad(() =>
    Promise.all([get<Mission[]>('/api/v1/missions'), get<Country[]>('/api/v1/countries')]),
  )
  const names = new Map((data?.[1] ?? []).map((c) => [c.code, c.name]))
  const countryName = (code: string) => {
    const name = names.get(code)
    return name ? localized(name) : code
  }
  const missions = (data?.[0] ?? []).filter((m) => {
    const q = query.trim().toLowerCase()
    if (!q) return true
    return [m.name.en, m.name['zh-CN'], m.city.en, m.city['zh-CN'], m.country, countryName(m.country)]
      .join(' ')
      .toLowerCase()
      .includes(q)
  })

  return (
    <div className="page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('missions.title')}
      </Typography.Title>
      <Input.Search
        placeholder={t('missions.search')}
        allowClear
        onChange={(e) => setQuery(e.target.value)}
        data-testid="missions-search"
        style={{ marginBottom: 16 }}
      />
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : loading ? (
        <Skeleton active />
      ) : missions.length === 0 ? (
        <Empty description={t('missions.empty')} />
      ) : (
        <List
          data-testid="missions-list"
          grid={{ gutter: 16, xs: 1, sm: 2, lg: 3 }}
          dataSource={missions}
          renderItem={(m) => (
            <List.Item>
              <Card size="small" title={localized(m.name)}>
                <Tag>{t(`missions.kind.${m.kind}`)}</Tag>
                <div>
                  {countryName(m.country)} · {localized(m.city)}
                </div>
                <Typography.Text type="secondary">
                  {t('missions.district')}:{' '}
                  {[
                    ...m.district.countries.map(countryName),
                    ...(m.district.hasArea ? [t('missions.districtArea')] : []),
                  ].join('、')}
                </Typography.Text>
                {m.phone && <div>☎ {m.phone}</div>}
              </Card>
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
