import type { clinicianSite, siteList } from '@server/health/health.schema.ts'
import type { UserSummary } from '@server/identity/user.schema.ts'
import { Alert, Button, Card, Form, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get, put } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'

type Site = z.infer<typeof siteList>['sites'][number]

interface AssignValues {
  userId: string
  siteId: string
}

/** Administrators: the vaccination sites, and which site a clinician works at. */
export function SitesPage() {
  const { t, i18n } = useTranslation()
  const sites = useLoad(() => get<z.infer<typeof siteList>>('/api/v1/health/sites'))
  const clinicians = useLoad(() => get<UserSummary[]>('/api/v1/users?role=clinician'))
  const [form] = Form.useForm<AssignValues>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<z.infer<typeof clinicianSite>>()
  const nameOf = (s: Site) => (i18n.language === 'en' ? s.name.en : s.name['zh-CN'])

  async function assign(values: AssignValues) {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      setDone(await put(`/api/v1/health/clinicians/${values.userId}`, { siteId: values.siteId }))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  if (sites.error) return <LoadError error={sites.error} retry={sites.reload} />
  const clinicianName = (id: string) => clinicians.data?.find((c) => c.id === id)?.name ?? id
  return (
    <div style={{ maxWidth: 820 }}>
      <Typography.Title level={3}>{t('health.sites.title')}</Typography.Title>
      <Card title={t('health.sites.assign')} style={{ marginBottom: 16 }}>
        <Form<AssignValues> form={form} layout="vertical" onFinish={assign}>
          <Form.Item name="userId" label={t('health.sites.clinician')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={clinicians.loading}
              data-testid="assign-clinician"
              options={(clinicians.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}${c.email ? ` · ${c.email}` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="siteId" label={t('health.sites.site')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="assign-site"
              options={(sites.data?.sites ?? []).map((s) => ({ value: s.id, label: nameOf(s) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="assign-submit">
            {t('health.sites.submit')}
          </Button>
        </Form>
        {error && <Alert type="error" message={error} style={{ marginTop: 12 }} data-testid="assign-error" />}
        {done && (
          <Alert
            type="success"
            style={{ marginTop: 12 }}
            data-testid="assign-done"
            message={t('health.sites.assigned', {
              clinician: clinicianName(done.userId),
              site: nameOf(done.site),
            })}
          />
        )}
      </Card>
      <Table<Site>
        rowKey="id"
        size="small"
        loading={sites.loading}
        dataSource={sites.data?.sites ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('health.sites.site'), render: (_v, s) => nameOf(s) },
          { title: t('health.sites.mission'), dataIndex: 'mission', render: (m: string | null) => m ?? '—' },
        ]}
      />
    </div>
  )
}
