import type { advisorySummary } from '@server/advisories/advisories.schema.ts'
import { Checkbox, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { z } from 'zod'
import { LevelTag } from '../../advisories/LevelTag.tsx'
import { LEVELS, levelName } from '../../advisories/levels.ts'
import { get } from '../../lib/api.ts'
import { currentLocale, localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { type DraftDesk, type DraftMeta, mayEdit } from './desk.ts'

type AdvisorySummary = z.infer<typeof advisorySummary>

interface Filters {
  text: string
  levels: number[]
  draftsOnly: boolean
  mineOnly: boolean
}

function matches(a: AdvisorySummary, f: Filters, desk: DraftDesk, drafted: Set<string>): boolean {
  const q = f.text.trim().toLowerCase()
  if (q && ![a.country, a.name.en, a.name['zh-CN']].some((s) => s.toLowerCase().includes(q))) return false
  if (f.levels.length > 0 && (a.level === null || !f.levels.includes(a.level))) return false
  if (f.draftsOnly && !drafted.has(a.country)) return false
  return !f.mineOnly || mayEdit(desk, a.country)
}

function DraftTag({ meta }: { meta: DraftMeta | undefined }) {
  const { t } = useTranslation()
  if (!meta) return <>—</>
  return (
    <Tag color="blue" data-testid={`draft-${meta.country}`} style={{ marginTop: 4 }}>
      {t('advisoriesConsole.list.draftWaiting', { level: meta.level })}
    </Tag>
  )
}

const NO_DESK: DraftDesk = { editable: [], drafts: [] }

export function AdvisoryList() {
  const { t, i18n } = useTranslation()
  const { data, error, loading, reload } = useLoad(() =>
    Promise.all([get<AdvisorySummary[]>('/api/v1/advisories'), get<DraftDesk>('/api/v1/advisories/drafts')]),
  )
  const desk = data?.[1] ?? NO_DESK
  const screens = Grid.useBreakpoint()
  const scoped = desk.editable !== 'all'
  // The start page's "advisories awaiting publication" opens this list with ?drafts=1.
  const [params] = useSearchParams()
  const [filters, setFilters] = useState<Filters>({
    text: '',
    levels: [],
    draftsOnly: params.get('drafts') === '1',
    mineOnly: false,
  })
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  const drafts = new Map(desk.drafts.map((d) => [d.country, d]))
  const rows = (data?.[0] ?? [])
    .filter((a) => matches(a, filters, desk, new Set(drafts.keys())))
    .sort((a, b) => localized(a.name).localeCompare(localized(b.name), i18n.language))

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="advisories-title">
        {t('console.nav.advisories')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {scoped ? t('advisoriesConsole.list.explainOfficer') : t('advisoriesConsole.list.explainDuty')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          allowClear
          placeholder={t('advisoriesConsole.list.search')}
          onChange={(e) => set({ text: e.target.value })}
          style={{ width: 240 }}
          data-testid="advisories-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('advisoriesConsole.list.filterLevel')}
          style={{ minWidth: 200 }}
          value={filters.levels}
          onChange={(levels) => set({ levels })}
          options={LEVELS.map(({ level }) => ({
            value: level,
            label: t('advisories.levelTag', { level, name: levelName(level, currentLocale()) }),
          }))}
          data-testid="advisories-level-filter"
        />
        <Checkbox
          checked={filters.draftsOnly}
          onChange={(e) => set({ draftsOnly: e.target.checked })}
          data-testid="advisories-drafts"
        >
          {t('advisoriesConsole.list.draftsOnly', { n: desk.drafts.length })}
        </Checkbox>
        {scoped && (
          <Checkbox
            checked={filters.mineOnly}
            onChange={(e) => set({ mineOnly: e.target.checked })}
            data-testid="advisories-mine"
          >
            {t('advisoriesConsole.list.mineOnly')}
          </Checkbox>
        )}
      </Space>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table
          data-testid="advisories-table"
          rowKey="country"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={{ defaultPageSize: 20, showSizeChanger: false, simple: true }}
          locale={{ emptyText: t('advisoriesConsole.list.empty') }}
          columns={[
            {
              title: t('advisoriesConsole.list.country'),
              render: (_, a) => (
                <span>
                  {localized(a.name)} <Typography.Text type="secondary">{a.country}</Typography.Text>
                </span>
              ),
            },
            {
              title: t('advisoriesConsole.list.level'),
              dataIndex: 'level',
              render: (level: number, a) => (
                <>
                  <LevelTag level={level} />
                  {screens.sm === false && drafts.has(a.country) && (
                    <div>
                      <DraftTag meta={drafts.get(a.country)} />
                    </div>
                  )}
                </>
              ),
            },
            {
              title: t('advisoriesConsole.list.updated'),
              dataIndex: 'updatedAt',
              responsive: ['md'],
              render: (v: string | null) =>
                v ? new Date(v).toLocaleDateString(i18n.language) : t('advisoriesConsole.list.never'),
            },
            {
              title: t('advisoriesConsole.list.draft'),
              responsive: ['sm'],
              render: (_, a) => <DraftTag meta={drafts.get(a.country)} />,
            },
            {
              title: '',
              align: 'right',
              render: (_, a) => (
                <Link to={`/console/advisories/${a.country}`} data-testid={`open-${a.country}`}>
                  {mayEdit(desk, a.country)
                    ? t('advisoriesConsole.list.edit')
                    : t('advisoriesConsole.list.view')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  )
}
