import type { advisorySummary } from '@server/advisories/advisories.schema.ts'
import { Empty, Input, List, Segmented, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { z } from 'zod'
import { get } from '../lib/api.ts'
import { loadCountries } from '../lib/countries.ts'
import { currentLocale, localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { LevelTag } from './LevelTag.tsx'
import { LEVEL_COLORS, levelColor, levelName, NO_LEVEL_COLOR } from './levels.ts'
import { WorldMap } from './WorldMap.tsx'
import '../citizen/advice.css'
import { formatDate } from '../lib/dates.ts'

type AdvisorySummary = z.infer<typeof advisorySummary>

type Filter = 'all' | '1' | '2' | '3'

export function AdvisoryMapPage() {
  const { t } = useTranslation()
  const locale = currentLocale()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const { data, error, loading, reload } = useLoad(() =>
    Promise.all([get<AdvisorySummary[]>('/api/v1/advisories'), loadCountries()]),
  )
  const advisories = data?.[0] ?? []
  const q = query.trim().toLowerCase()
  const matchesQuery = (a: AdvisorySummary) =>
    !q || `${a.name.en} ${a.name['zh-CN']} ${a.country}`.toLowerCase().includes(q)
  // ~250 countries: recomputed on each keystroke of the search, which is what dims the map.
  const byCode = new Map(advisories.map((a) => [a.country, a]))
  const mapCountries = (data?.[1] ?? []).map((c) => {
    const a = byCode.get(c.code)
    const state = a
      ? a.level === null
        ? t('advice.noLevel')
        : `${t('advisories.levelTag', { level: a.level, name: levelName(a.level, locale) })}`
      : undefined
    return {
      code: c.code,
      numeric: c.numeric,
      label: state ? `${localized(c.name)}: ${state}` : localized(c.name),
      color: levelColor(a?.level),
      dimmed: !!q && !(a && matchesQuery(a)),
      matched: !!q && !!a && matchesQuery(a),
    }
  })
  const rank = (a: AdvisorySummary) => a.level ?? -1
  const shown = advisories
    .filter((a) => filter === 'all' || Math.max(rank(a), a.maxRegionLevel ?? -1) >= Number(filter))
    .filter(matchesQuery)
    .sort((a, b) => rank(b) - rank(a) || localized(a.name).localeCompare(localized(b.name), currentLocale()))
  const matching = q ? advisories.filter(matchesQuery) : []

  return (
    <div className="page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('advisories.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('advisories.intro')}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : loading ? (
        <Skeleton active />
      ) : (
        <>
          <Space wrap style={{ margin: '16px 0', width: '100%' }}>
            <Input.Search
              allowClear
              placeholder={t('advisories.search')}
              aria-label={t('advice.searchMap')}
              onChange={(e) => setQuery(e.target.value)}
              onSearch={() => {
                const [only] = matching
                if (matching.length === 1 && only) navigate(`/advisories/${only.country}`)
              }}
              style={{ maxWidth: 320 }}
              data-testid="advisories-search"
            />
            <Segmented<Filter>
              style={{ maxWidth: '100%', overflowX: 'auto' }}
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: t('advisories.filter.all') },
                { value: '1', label: t('advisories.filter.atLeast1') },
                { value: '2', label: t('advisories.filter.atLeast2') },
                { value: '3', label: t('advisories.filter.level3') },
              ]}
            />
          </Space>
          {q && (
            <Typography.Text type="secondary" data-testid="map-matches">
              {t('advice.mapMatches', { count: matching.length })}
            </Typography.Text>
          )}
          <WorldMap
            countries={mapCountries}
            onSelect={(c) => navigate(`/advisories/${c}`)}
            ariaLabel={t('advisories.mapLabel')}
          />
          <Space wrap className="legend" data-testid="legend">
            {LEVEL_COLORS.map((color, level) => (
              <span key={color}>
                <span className="swatch" style={{ background: color }} /> {levelName(level, locale)}
              </span>
            ))}
            <span>
              <span className="swatch" style={{ background: NO_LEVEL_COLOR }} /> {t('advice.noLevel')}
            </span>
          </Space>
          {shown.length === 0 ? (
            <Empty description={t('advisories.empty')} />
          ) : (
            <List
              data-testid="advisories-list"
              grid={{ gutter: 8, xs: 1, sm: 2, lg: 3 }}
              pagination={{ pageSize: 60, hideOnSinglePage: true, showSizeChanger: false }}
              dataSource={shown}
              renderItem={(a) => (
                <List.Item key={a.country} style={{ marginBottom: 8 }}>
                  <Link
                    to={`/advisories/${a.country}`}
                    className="advisory-cell"
                    data-testid={`advisory-${a.country}`}
                  >
                    <span>
                      <div style={{ color: '#222' }}>{localized(a.name)}</div>
                      {a.updatedAt && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('advisories.updated', {
                            date: formatDate(a.updatedAt),
                          })}
                        </Typography.Text>
                      )}
                    </span>
                    <span style={{ textAlign: 'right' }}>
                      <LevelTag level={a.level} />
                      {(a.maxRegionLevel ?? -1) > rank(a) && (
                        <div style={{ fontSize: 12, color: '#a33' }}>
                          {t('advisories.partsHigher', { level: a.maxRegionLevel })}
                        </div>
                      )}
                    </span>
                  </Link>
                </List.Item>
              )}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            <a href={`/api/v1/feeds/advisories.atom?lang=${currentLocale()}`}>{t('advisories.feed')}</a>
          </Typography.Paragraph>
        </>
      )}
    </div>
  )
}
