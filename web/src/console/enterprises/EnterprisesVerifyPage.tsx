import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Enterprise } from '../../enterprise/types.ts'
import { get, post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { useLoad } from '../../lib/useLoad.ts'

/** Duty officers and administrators verify registered enterprises; missions see them from then on. */
export function EnterprisesVerifyPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [filter, setFilter] = useState<'pending' | 'all'>('pending')
  const list = useLoad(
    () => get<Enterprise[]>(`/api/v1/enterprises${filter === 'pending' ? '?status=pending' : ''}`),
    filter,
  )
  return (
    <>
      <Typography.Title level={3}>{t('enterprises.staff.verifyTitle')}</Typography.Title>
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as 'pending' | 'all')}
        options={[
          { value: 'pending', label: t('enterprises.staff.pending') },
          { value: 'all', label: t('enterprises.staff.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        scroll={{ x: true }}
        data-testid="enterprises-table"
        columns={[
          {
            title: t('enterprises.staff.enterprise'),
            render: (_, e) => (
              <span data-testid="enterprise-row-name">
                {e.nameZh}
                <br />
                <small>{e.name}</small>
              </span>
            ),
          },
          { title: t('enterprises.creditCode'), dataIndex: 'creditCode' },
          { title: t('enterprises.province'), dataIndex: 'province' },
          { title: t('enterprises.industry'), render: (_, e) => t(`enterprises.industries.${e.industry}`) },
          { title: t('enterprises.tabs.sites'), dataIndex: 'sites' },
          {
            title: '',
            render: (_, e) =>
              e.status === 'verified' ? (
                <Tag color="green">{t('enterprises.staff.verified')}</Tag>
              ) : (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    data-testid="enterprise-verify"
                    onClick={async () => {
                      try {
                        await post(`/api/v1/enterprises/${e.id}/verify`)
                        message.success(t('enterprises.staff.verified'))
                        list.reload()
                      } catch (err) {
                        message.error(errorMessage(err, t))
                      }
                    }}
                  >
                    {t('enterprises.staff.verify')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  )
}
