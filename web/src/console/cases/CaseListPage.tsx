import type { CaseSummary } from '@server/cases/case/case.schema.ts'
import { CASE_STATUSES } from '@server/cases/case/case-status.ts'
import { CASE_TYPES, PRIORITIES } from '@server/cases/case/case-types.ts'
import { Select, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { get } from '../../lib/api.ts'
import { currentLocale, localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { PriorityTag, StatusTag } from './Tags.tsx'

type FilterKey = 'status' | 'type' | 'priority'
/** Flags the start page's numbers link with; each shows as a tag that can be taken off. */
const FLAGS = ['slaBreached', 'visitOverdue'] as const

/**
 * Cases in the caller's scope, open ones by default, with their SLA and visit flags. The filters
 * live in the URL, so the start page's numbers open this list filtered as they counted.
 */
export function CaseListPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filters = { status: params.get('status'), type: params.get('type'), priority: params.get('priority') }
  const flags = FLAGS.filter((f) => params.get(f) === 'true')
  const query = new URLSearchParams({
    limit: '100',
    ...(filters.status ? { status: filters.status } : params.get('open') === 'false' ? {} : { open: 'true' }),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
  })
  for (const f of flags) query.set(f, 'true')
  const { data, error, loading, reload } = useLoad(
    () => get<{ items: CaseSummary[] }>(`/api/v1/cases?${query}`),
    query.toString(),
  )
  const set = (key: FilterKey | (typeof FLAGS)[number]) => (value?: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('cases.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('cases.filter.openOnly')}
          style={{ width: 180 }}
          value={filters.status ?? undefined}
          onChange={set('status')}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('cases.field.type')}
          style={{ width: 180 }}
          value={filters.type ?? undefined}
          onChange={set('type')}
          options={CASE_TYPES.map((c) => ({ value: c, label: t(`cases.type.${c}`) }))}
        />
        <Select
          allowClear
          placeholder={t('cases.field.priority')}
          style={{ width: 120 }}
          value={filters.priority ?? undefined}
          data-testid="cases-priority-filter"
          onChange={set('priority')}
          options={PRIORITIES.map((p) => ({ value: p, label: p }))}
        />
        {flags.map((f) => (
          <Tag key={f} closable color="red" onClose={() => set(f)()} data-testid={`cases-flag-${f}`}>
            {t(f === 'slaBreached' ? 'cases.slaMissed' : 'cases.visitOverdue')}
          </Tag>
        ))}
      </Space>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          loading={loading}
          data-testid="cases-table"
          dataSource={data?.items ?? []}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 25, hideOnSinglePage: true }}
          locale={{ emptyText: t('cases.empty') }}
          columns={[
            {
              title: t('cases.field.reference'),
              dataIndex: 'reference',
              fixed: 'left',
              width: 130,
              render: (ref: string, c) => <Link to={`/console/cases/${c.id}`}>{ref}</Link>,
            },
            {
              title: t('cases.field.priority'),
              dataIndex: 'priority',
              render: (p) => <PriorityTag priority={p} />,
            },
            {
              title: t('cases.field.type'),
              dataIndex: 'type',
              render: (ty: string) => t(`cases.type.${ty}`),
            },
            { title: t('cases.field.status'), dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
            {
              title: t('cases.field.mission'),
              dataIndex: 'mission',
              render: (m: CaseSummary['mission']) => (m ? localized(m.name) : t('cases.dutyDesk')),
            },
            { title: t('cases.field.summary'), dataIndex: 'summary', ellipsis: true },
            {
              title: t('cases.field.flags'),
              key: 'flags',
              render: (_, c) => (
                <>
                  {c.slaBreached && <Tag color="red">{t('cases.slaMissed')}</Tag>}
                  {c.visitOverdue && <Tag color="volcano">{t('cases.visitOverdue')}</Tag>}
                  {c.needToKnow && <Tag>{t('cases.field.needToKnow')}</Tag>}
                </>
              ),
            },
            {
              title: t('cases.field.opened'),
              dataIndex: 'createdAt',
              render: (d: string) =>
                new Date(d).toLocaleString(currentLocale(), { dateStyle: 'short', timeStyle: 'short' }),
            },
          ]}
        />
      )}
    </>
  )
}
