import type { AuditEntry } from '@server/identity/audit.schema.ts'
import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { get } from '../lib/api.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'

export function AuditLog() {
  const { t, i18n } = useTranslation()
  const { data, error, loading, reload } = useLoad(() => get<AuditEntry[]>('/api/v1/audit?limit=200'))
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('console.nav.audit')}
      </Typography.Title>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table
          data-testid="audit-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data ?? []}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('audit.empty') }}
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              render: (v: string) => new Date(v).toLocaleString(i18n.language),
            },
            { title: t('audit.action'), dataIndex: 'action' },
            {
              title: t('audit.actor'),
              render: (_, e) => (e.actorId ? `${e.actorRoles.join(',')} ${e.actorId.slice(0, 8)}` : '—'),
            },
            {
              title: t('audit.subject'),
              render: (_, e) => (e.subjectType ? `${e.subjectType} ${e.subjectId ?? ''}` : '—'),
            },
          ]}
        />
      )}
    </>
  )
}
