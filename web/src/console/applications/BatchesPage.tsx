import type { ProductionBatch } from '@server/applications/batch.schema.ts'
import { Alert, Button, Input, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { get, post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

/** Production batches of my missions: export the approved, paid applications; download an archive again. */
export function BatchesPage() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const lang = currentLocale()
  const ownMissions = (me?.missions ?? []).map((m) => m.code)
  const [mission, setMission] = useState(ownMissions.length === 1 ? (ownMissions[0] ?? '') : '')
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string }>()
  const { data, error, loading, reload } = useLoad(
    () => get<{ items: ProductionBatch[] }>('/api/v1/production-batches'),
    'batches',
  )
  const create = async () => {
    setMessage(undefined)
    try {
      const b = await post<ProductionBatch>('/api/v1/production-batches', mission ? { mission } : {})
      setMessage({ type: 'success', text: t('production.batches.created', { count: b.count }) })
      reload()
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e, t) })
    }
  }
  return (
    <div data-testid="batches-page">
      <Link to="/console/services">← {t('review.queue')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('production.batches.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('production.batches.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {ownMissions.length !== 1 && (
          <Input
            value={mission}
            onChange={(e) => setMission(e.target.value.trim().toUpperCase())}
            placeholder={t('production.batches.mission')}
            style={{ width: 180 }}
          />
        )}
        <Button type="primary" onClick={create} data-testid="batch-create">
          {t('production.batches.create')}
        </Button>
      </Space>
      {message && <Alert type={message.type} showIcon message={message.text} style={{ marginBottom: 12 }} />}
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          scroll={{ x: true }}
          locale={{ emptyText: t('production.batches.none') }}
          dataSource={data?.items ?? []}
          columns={[
            {
              title: t('production.batches.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => new Date(v).toLocaleString(lang),
            },
            { title: t('production.batches.mission'), dataIndex: 'mission' },
            { title: t('production.batches.count'), dataIndex: 'count' },
            {
              title: t('production.batches.size'),
              dataIndex: 'size',
              render: (v: number) => `${Math.max(1, Math.round(v / 1024))} KB`,
            },
            {
              title: t('production.batches.references'),
              dataIndex: 'references',
              render: (v: string[]) => (
                <Typography.Text style={{ fontSize: 12 }}>{v.join(', ')}</Typography.Text>
              ),
            },
            {
              title: t('production.batches.sha256'),
              dataIndex: 'sha256',
              render: (v: string) => (
                <Typography.Text code copyable={{ text: v }}>
                  {v.slice(0, 12)}…
                </Typography.Text>
              ),
            },
            {
              title: '',
              dataIndex: 'id',
              render: (id: string, b: ProductionBatch) =>
                b.purged ? (
                  <Typography.Text type="secondary">{t('production.batches.purged')}</Typography.Text>
                ) : (
                  <a href={`/api/v1/production-batches/${id}/archive`} data-testid="batch-download">
                    {t('production.batches.download')}
                  </a>
                ),
            },
          ]}
        />
      )}
    </div>
  )
}
