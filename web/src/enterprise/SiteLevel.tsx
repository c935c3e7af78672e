import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { localized } from '../lib/i18n.ts'
import type { Site } from './types.ts'

const COLORS = ['green', 'gold', 'orange', 'red'] as const

/** The site's country level, and the region's when a published region holds the site. */
export function SiteLevel({ advisory }: { advisory: Site['advisory'] }) {
  const { t } = useTranslation()
  if (advisory.country === null && !advisory.region) return <Tag>{t('enterprises.sites.noLevel')}</Tag>
  return (
    <>
      {advisory.country !== null && (
        <Tag color={COLORS[advisory.country]} data-testid="site-country-level">
          {t('enterprises.sites.countryLevel', { level: advisory.country })} ·{' '}
          {t(`enterprises.levels.${advisory.country}`)}
        </Tag>
      )}
      {advisory.region && (
        <Tag color={COLORS[advisory.region.level]} data-testid="site-region-level">
          {t('enterprises.sites.regionLevel', {
            name: localized(advisory.region.name),
            level: advisory.region.level,
          })}
        </Tag>
      )}
    </>
  )
}
