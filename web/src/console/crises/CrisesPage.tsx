import type { Crisis } from '@server/cases/crisis/crisis.schema.ts'
import { App, Button, Card, Form, Input, List, Select, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { get, post } from '../../lib/api.ts'
import { countryOptions, useCountries } from '../../lib/countries.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { parseArea } from '../people/polygon.ts'

/** Crisis events in the caller's scope, and a form to declare one over a drawn (pasted) area. */
export function CrisesPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { countries, nameOf } = useCountries()
  const [busy, setBusy] = useState(false)
  const [areaError, setAreaError] = useState<string>()
  const { data, error, reload } = useLoad(() => get<{ crises: Crisis[] }>('/api/v1/crises'))
  const create = async (v: { name: string; country: string; area: string }) => {
    const parsed = parseArea(v.area)
    if ('error' in parsed) return setAreaError(t(`peopleConsole.area.errors.${parsed.error}`))
    setAreaError(undefined)
    setBusy(true)
    try {
      const c = await post<Crisis>('/api/v1/crises', { name: v.name, country: v.country, area: parsed.area })
      navigate(`/console/crises/${c.id}`)
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('crises.title')}
      </Typography.Title>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <List
          data-testid="crises-list"
          locale={{ emptyText: t('crises.empty') }}
          dataSource={data?.crises ?? []}
          renderItem={(c) => (
            <List.Item
              key={c.id}
              extra={
                <Tag color={c.status === 'active' ? 'red' : 'default'}>{t(`crises.state.${c.status}`)}</Tag>
              }
            >
              <List.Item.Meta
                title={<Link to={`/console/crises/${c.id}`}>{c.name}</Link>}
                description={`${nameOf(c.country)} · ${new Date(c.startsAt).toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })}`}
              />
            </List.Item>
          )}
        />
      )}
      <Card size="small" title={t('crises.declare')} style={{ marginTop: 16 }}>
        <Form layout="vertical" onFinish={create} data-testid="crisis-form">
          <Form.Item
            name="name"
            label={t('crises.name')}
            rules={[{ required: true, message: t('cases.required') }]}
          >
            <Input data-testid="crisis-name" />
          </Form.Item>
          <Form.Item
            name="country"
            label={t('cases.field.country')}
            rules={[{ required: true, message: t('cases.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              options={countryOptions(countries)}
              data-testid="crisis-country"
            />
          </Form.Item>
          <Form.Item
            name="area"
            label={t('crises.area')}
            extra={t('crises.areaHint')}
            validateStatus={areaError ? 'error' : undefined}
            help={areaError}
            rules={[{ required: true, message: t('cases.required') }]}
          >
            <Input.TextArea rows={4} data-testid="crisis-area" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={busy} data-testid="crisis-create">
            {t('crises.declare')}
          </Button>
        </Form>
      </Card>
    </>
  )
}
