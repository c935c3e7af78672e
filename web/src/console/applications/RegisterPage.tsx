import type { RegisterEntry } from '@server/applications/register.schema.ts'
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { get, post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'

const REASONS = ['lost', 'stolen', 'other'] as const

/** The register of invalidated documents: search a number (audited), put one on it by hand. */
export function RegisterPage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const [number, setNumber] = useState('')
  const [result, setResult] = useState<{ number: string; items: RegisterEntry[] }>()
  const [error, setError] = useState<string>()
  const [added, setAdded] = useState(false)
  const search = async () => {
    setError(undefined)
    try {
      const q = new URLSearchParams({ number: number.trim() })
      const r = await get<{ items: RegisterEntry[] }>(`/api/v1/invalidated-documents?${q}`)
      setResult({ number: number.trim().toUpperCase(), items: r.items })
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  const add = async (values: { number: string; reason: string; note?: string }) => {
    setError(undefined)
    setAdded(false)
    try {
      await post('/api/v1/invalidated-documents', { ...values, ...(values.note ? {} : { note: undefined }) })
      setAdded(true)
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  return (
    <div data-testid="register-page">
      <Link to="/console/services">← {t('review.queue')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('production.register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('production.register.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            onPressEnter={search}
            placeholder={t('production.register.number')}
            data-testid="register-number"
          />
          <Button type="primary" onClick={search} data-testid="register-search">
            {t('production.register.search')}
          </Button>
        </Space.Compact>
        {result &&
          (result.items.length === 0 ? (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              message={t('production.register.notFound', { number: result.number })}
              data-testid="register-none"
            />
          ) : (
            result.items.map((e) => (
              <Alert
                key={e.id}
                style={{ marginTop: 12 }}
                type="error"
                data-testid="register-found"
                message={`${e.number} · ${t('production.register.found', {
                  date: new Date(e.since).toLocaleDateString(lang),
                })} (${t(`production.register.reasons.${e.reason}`)})`}
                description={
                  <Descriptions size="small" column={1}>
                    {e.applicationReference && (
                      <Descriptions.Item label={t('production.register.application')}>
                        {e.applicationReference}
                      </Descriptions.Item>
                    )}
                    {e.mission && (
                      <Descriptions.Item label={t('production.register.mission')}>
                        {e.mission}
                      </Descriptions.Item>
                    )}
                    {e.note && (
                      <Descriptions.Item label={t('production.register.note')}>{e.note}</Descriptions.Item>
                    )}
                  </Descriptions>
                }
              />
            ))
          ))}
      </Card>
      <Card size="small" title={t('production.register.add')}>
        {added && (
          <Alert type="success" message={t('production.register.added')} style={{ marginBottom: 12 }} />
        )}
        <Form layout="vertical" onFinish={add} style={{ maxWidth: 420 }} initialValues={{ reason: 'lost' }}>
          <Form.Item name="number" label={t('production.register.number')} rules={[{ required: true }]}>
            <Input data-testid="register-add-number" />
          </Form.Item>
          <Form.Item name="reason" label={t('production.register.reason')}>
            <Select
              options={REASONS.map((r) => ({ value: r, label: t(`production.register.reasons.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('production.register.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" data-testid="register-add">
            {t('production.register.add')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}
