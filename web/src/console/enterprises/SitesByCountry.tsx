import type { sitesByCountry } from '@server/enterprises/site.schema.ts'
import { Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get } from '../../lib/api.ts'
import { useCountries } from '../../lib/countries.ts'
import { useLoad } from '../../lib/useLoad.ts'

const LEVEL_COLOR = ['blue', 'gold', 'orange', 'red']

/** HQ's overview: how many sites, enterprises and people in each country, by its advisory level. */
export function SitesByCountry() {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const rows = useLoad(() => get<z.infer<typeof sitesByCountry>>('/api/v1/sites/by-country'))
  return (
    <Table
      rowKey="country"
      size="small"
      loading={rows.loading}
      dataSource={[...(rows.data ?? [])].sort(
        (a, b) => (b.level ?? -1) - (a.level ?? -1) || b.staff - a.staff,
      )}
      pagination={false}
      data-testid="sites-by-country"
      columns={[
        { title: t('console.sites.country'), render: (_, r) => `${nameOf(r.country)} (${r.country})` },
        {
          title: t('console.sites.level'),
          render: (_, r) =>
            r.level === null ? t('console.sites.noLevel') : <Tag color={LEVEL_COLOR[r.level]}>{r.level}</Tag>,
        },
        { title: t('console.sites.sites'), dataIndex: 'sites' },
        { title: t('console.sites.enterprises'), dataIndex: 'enterprises' },
        { title: t('console.sites.staff'), dataIndex: 'staff' },
      ]}
    />
  )
}
