import type { advisoryDetail } from '@server/advisories/advisories.schema.ts'
import { Card, List, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { LevelTag } from '../../advisories/LevelTag.tsx'
import { localized } from '../../lib/i18n.ts'

type AdvisoryDetail = z.infer<typeof advisoryDetail>

export function VersionHistory({ history }: { history: AdvisoryDetail['history'] }) {
  const { t, i18n } = useTranslation()
  return (
    <Card size="small" title={t('advisoriesConsole.history.title')} data-testid="advisory-history">
      <List
        size="small"
        dataSource={history}
        locale={{ emptyText: t('advisoriesConsole.history.empty') }}
        renderItem={(h) => (
          <List.Item key={h.version}>
            <div style={{ width: '100%' }}>
              <Space wrap size={8}>
                <Typography.Text strong>
                  {t('advisoriesConsole.history.version', { version: h.version })}
                </Typography.Text>
                <LevelTag level={h.level} />
                <Typography.Text type="secondary">
                  {new Date(h.publishedAt).toLocaleString(i18n.language)}
                </Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: '4px 0 0' }} ellipsis={{ rows: 2, expandable: true }}>
                {localized(h.summary)}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
    </Card>
  )
}
