import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { get } from '../lib/api.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'

interface Mail {
  id: string
  messageId: string
  to: string
  subject: string
  body: string
  capturedAt: string
}

export function Outbox() {
  const { t, i18n } = useTranslation()
  const { data, error, loading, reload } = useLoad(() => get<Mail[]>('/api/v1/outbox?limit=200'))
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('console.nav.outbox')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('outbox.explain')}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table
          data-testid="outbox-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data ?? []}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('outbox.empty') }}
          expandable={{
            expandedRowRender: (m) => <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.body}</pre>,
          }}
          columns={[
            {
              title: t('outbox.at'),
              dataIndex: 'capturedAt',
              render: (v: string) => new Date(v).toLocaleString(i18n.language),
            },
            { title: t('outbox.to'), dataIndex: 'to' },
            { title: t('outbox.subject'), dataIndex: 'subject' },
          ]}
        />
      )}
    </>
  )
}
