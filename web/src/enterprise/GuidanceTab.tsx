import { Card, Empty, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { get } from '../lib/api.ts'
import { useCountries } from '../lib/countries.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import type { EnterpriseGuidance } from './types.ts'

/** The security guidance the ministry published for each country the enterprise has sites in. */
export function GuidanceTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const list = useLoad(
    () => get<EnterpriseGuidance>(`/api/v1/enterprises/${enterpriseId}/guidance`),
    enterpriseId,
  )
  if (list.data?.length === 0) return <Empty description={t('enterprises.sites.none')} />
  return (
    <div data-testid="guidance-tab">
      {(list.data ?? []).map((g) => (
        <Card
          key={g.country}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="guidance-card"
          title={`${nameOf(g.country)} · ${g.guidance ? localized(g.guidance.title) : t('enterprises.guidance.none')}`}
        >
          {g.guidance ? (
            <>
              <Typography.Text type="secondary">
                {t('enterprises.guidance.version', {
                  version: g.guidance.version,
                  date: g.guidance.publishedAt.slice(0, 10),
                })}
              </Typography.Text>
              {localized(g.guidance.body)
                .split(/\n\s*\n/)
                .map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, never reordered
                  <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
                    {p}
                  </Typography.Paragraph>
                ))}
            </>
          ) : (
            <Typography.Text type="secondary">{t('enterprises.guidance.noneYet')}</Typography.Text>
          )}
        </Card>
      ))}
    </div>
  )
}
