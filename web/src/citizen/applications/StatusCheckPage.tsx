import type { publicStatus } from '@server/applications/application.schema.ts'
import { Button, Card, DatePicker, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get } from '../../lib/api.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { errorMessage } from '../../lib/errors.ts'
import { StatusTag } from './StatusTag.tsx'

type PublicStatus = z.infer<typeof publicStatus>

/** Anyone with the reference and the applicant's date of birth sees the status, nothing else. */
export function StatusCheckPage() {
  const { t } = useTranslation()
  const [found, setFound] = useState<PublicStatus>()
  const [error, setError] = useState<string>()
  const check = async (v: { reference: string; dateOfBirth: { format(f: string): string } }) => {
    setFound(undefined)
    setError(undefined)
    const q = new URLSearchParams({
      reference: v.reference.trim(),
      dateOfBirth: v.dateOfBirth.format('YYYY-MM-DD'),
    })
    try {
      setFound(await get<PublicStatus>(`/api/v1/public/applications/status?${q}`))
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  return (
    <div className="page narrow-page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('applications.statusCheck')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('applications.statusCheckIntro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={check}>
        <Form.Item name="reference" label={t('applications.reference')} rules={[{ required: true }]}>
          <Input data-testid="status-reference" />
        </Form.Item>
        <Form.Item
          name="dateOfBirth"
          label={t('applications.fields.dateOfBirth')}
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="status-dob" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="status-check">
          {t('applications.check')}
        </Button>
      </Form>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      {found && (
        <Card size="small" style={{ marginTop: 16 }} data-testid="status-found">
          {found.reference} <StatusTag status={found.status} />
          <div>
            <Typography.Text type="secondary">
              {t('applications.lastUpdate')}: {formatDateTime(found.updatedAt)}
            </Typography.Text>
          </div>
        </Card>
      )}
    </div>
  )
}
