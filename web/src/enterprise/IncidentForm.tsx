import { INCIDENT_KINDS } from '@server/enterprises/enterprises.enums.ts'
import { Alert, Button, Form, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import type { Site } from './types.ts'

/** An incident at a site, for the hotline (severe kinds open a case). */
export function IncidentForm({ enterpriseId, sites }: { enterpriseId: string; sites: Site[] }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ siteId: string; kind: string; summary: string }>()
  const [done, setDone] = useState<{ contactId: string; caseId?: string }>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="incident-form"
      onFinish={async (v) => {
        setBusy(true)
        setError(undefined)
        try {
          setDone(await post(`/api/v1/enterprises/${enterpriseId}/incidents`, v))
          form.resetFields()
        } catch (e) {
          setError(errorMessage(e, t))
        } finally {
          setBusy(false)
        }
      }}
    >
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="incident-sent"
          style={{ marginBottom: 12 }}
          message={
            done.caseId
              ? t('enterprises.incident.sentCase')
              : t('enterprises.incident.sent', { contactId: done.contactId })
          }
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="siteId" label={t('enterprises.incident.site')} rules={[{ required: true }]}>
        <Select data-testid="incident-site" options={sites.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('enterprises.incident.kind')} rules={[{ required: true }]}>
        <Select
          data-testid="incident-kind"
          options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`enterprises.incident.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('enterprises.incident.summary')}
        rules={[{ required: true, max: 4000 }]}
      >
        <Input.TextArea rows={4} data-testid="incident-summary" />
      </Form.Item>
      <Button type="primary" danger htmlType="submit" loading={busy} data-testid="incident-send">
        {t('enterprises.incident.send')}
      </Button>
    </Form>
  )
}
