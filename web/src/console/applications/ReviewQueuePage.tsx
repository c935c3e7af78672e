import { APPLICATION_STATUSES, SERVICE_CODES } from '@server/applications/applications.enums.ts'
import { Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { StatusTag } from '../../citizen/applications/StatusTag.tsx'
import type { ApplicationSummary } from '../../citizen/applications/types.ts'
import { get } from '../../lib/api.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

/** The review queue of my missions, newest first; overdue ones and flagged photos stand out. */
export function ReviewQueuePage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  // The start page's "applications to review" opens the queue with ?status=submitted.
  const [params] = useSearchParams()
  const [status, setStatus] = useState<string>(params.get('status') ?? '')
  const [service, setService] = useState<string>('')
  const q = new URLSearchParams({
    limit: '200',
    ...(status ? { status } : {}),
    ...(service ? { service } : {}),
  })
  const { data, error, loading, reload } = useLoad(
    () => get<{ items: ApplicationSummary[] }>(`/api/v1/applications?${q}`),
    q.toString(),
  )
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('review.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to="/console/services/batches" data-testid="link-batches">
          {t('production.batches.title')}
        </Link>
        <Link to="/console/services/register" data-testid="link-register">
          {t('production.register.title')}
        </Link>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 180 }}
          value={status}
          onChange={setStatus}
          data-testid="queue-status"
          options={[
            { value: '', label: t('review.allStatuses') },
            ...APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({
              value: s,
              label: t(`applications.statuses.${s}`),
            })),
          ]}
        />
        <Select
          style={{ minWidth: 200 }}
          value={service}
          onChange={setService}
          options={[
            { value: '', label: t('review.allServices') },
            ...SERVICE_CODES.map((s) => ({ value: s, label: t(`applications.services.${s}`) })),
          ]}
        />
      </Space>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          data-testid="review-queue"
          dataSource={data?.items ?? []}
          scroll={{ x: true }}
          pagination={false}
          columns={[
            {
              title: t('applications.reference'),
              dataIndex: 'reference',
              render: (ref: string, a) => (
                <Link to={`/console/services/${a.id}`} data-testid="queue-item">
                  {ref}
                </Link>
              ),
            },
            { title: t('review.applicant'), dataIndex: 'applicant' },
            {
              title: t('applications.service'),
              dataIndex: 'service',
              render: (s: string) => t(`applications.services.${s}`),
            },
            {
              title: t('applications.status'),
              dataIndex: 'status',
              render: (_: unknown, a) => (
                <>
                  <StatusTag status={a.status} />
                  {a.overdue && <Tag color="red">{t('review.overdue')}</Tag>}
                  {a.photoFlagged && <Tag color="orange">{t('review.photoFlagged')}</Tag>}
                </>
              ),
            },
            {
              title: t('review.submittedAt'),
              dataIndex: 'submittedAt',
              render: (d: string | null) => (d ? new Date(d).toLocaleString(lang) : ''),
            },
          ]}
        />
      )}
    </div>
  )
}
