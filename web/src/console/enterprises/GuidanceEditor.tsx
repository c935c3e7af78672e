import type { countryGuidance, guidanceDraft } from '@server/enterprises/guidance.schema.ts'
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ApiError, get, post, put } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { countryOptions, useCountries } from '../../lib/countries.ts'
import { errorMessage } from '../../lib/errors.ts'
import { localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'

type CountryGuidance = z.infer<typeof countryGuidance>
type Draft = z.infer<typeof guidanceDraft>
interface Fields {
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
}

/** Officers write a country's guidance for enterprises; duty officers publish it (enterprises there are told). */
export function GuidanceEditor() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const { countries } = useCountries()
  const [country, setCountry] = useState<string>('KE')
  const [form] = Form.useForm<Fields>()
  const [note, setNote] = useState<{ type: 'success' | 'error'; text: string }>()
  const publishes = me?.roles.includes('duty_officer') ?? false
  const current = useLoad(() => get<CountryGuidance>(`/api/v1/enterprise-guidance/${country}`), country)
  useLoad(async () => {
    form.resetFields()
    try {
      const d = await get<Draft>(`/api/v1/enterprise-guidance/${country}/draft`)
      form.setFieldsValue({
        titleZh: d.title['zh-CN'],
        titleEn: d.title.en,
        bodyZh: d.body['zh-CN'],
        bodyEn: d.body.en,
      })
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e
    }
    return null
  }, `draft:${country}`)
  const save = async () => {
    const v = await form.validateFields()
    await put(`/api/v1/enterprise-guidance/${country}/draft`, {
      title: { 'zh-CN': v.titleZh, en: v.titleEn },
      body: { 'zh-CN': v.bodyZh, en: v.bodyEn },
    })
  }
  const act = async (f: () => Promise<string>) => {
    setNote(undefined)
    try {
      setNote({ type: 'success', text: await f() })
      current.reload()
    } catch (e) {
      setNote({ type: 'error', text: errorMessage(e, t) })
    }
  }
  const c = current.data?.current
  return (
    <div data-testid="guidance-editor">
      <Select
        showSearch={{ optionFilterProp: 'search' }}
        options={countryOptions(countries)}
        value={country}
        onChange={setCountry}
        style={{ width: 280, marginBottom: 12 }}
        data-testid="guidance-country"
      />
      <Card size="small" title={t('console.guidance.current')} style={{ marginBottom: 12 }}>
        {c ? (
          <>
            <Typography.Text strong>
              v{c.version} · {localized(c.title)}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">{c.publishedAt.slice(0, 10)}</Typography.Text>
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}
              ellipsis={{ rows: 4, expandable: true }}
            >
              {localized(c.body)}
            </Typography.Paragraph>
            {(current.data?.history.length ?? 0) > 0 && (
              <Typography.Text type="secondary">
                {t('console.guidance.history')}:{' '}
                {current.data?.history.map((h) => `v${h.version} ${h.publishedAt.slice(0, 10)}`).join(' · ')}
              </Typography.Text>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('console.guidance.none')}</Typography.Text>
        )}
      </Card>
      {note && <Alert type={note.type} showIcon message={note.text} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" style={{ maxWidth: 900 }}>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: 1, minWidth: 280 } }}>
          <Form.Item
            name="titleZh"
            label={t('console.guidance.titleZh')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input data-testid="guidance-title-zh" />
          </Form.Item>
          <Form.Item
            name="titleEn"
            label={t('console.guidance.titleEn')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input data-testid="guidance-title-en" />
          </Form.Item>
        </Space>
        <Form.Item name="bodyZh" label={t('console.guidance.bodyZh')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} data-testid="guidance-body-zh" />
        </Form.Item>
        <Form.Item name="bodyEn" label={t('console.guidance.bodyEn')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} data-testid="guidance-body-en" />
        </Form.Item>
        <Space>
          <Button
            onClick={() => act(async () => (await save(), t('console.guidance.saved')))}
            data-testid="guidance-save"
          >
            {t('console.guidance.save')}
          </Button>
          {publishes && (
            <Button
              type="primary"
              data-testid="guidance-publish"
              onClick={() =>
                act(async () => {
                  await save()
                  const p = await post<{ version: number; notified: number }>(
                    `/api/v1/enterprise-guidance/${country}/publish`,
                  )
                  return t('console.guidance.published', p)
                })
              }
            >
              {t('console.guidance.publish')}
            </Button>
          )}
        </Space>
      </Form>
    </div>
  )
}
