import { PRODUCT_CODES, PRODUCTS } from '@server/health/health.enums.ts'
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WorldMap } from '../advisories/WorldMap.tsx'
import { get } from '../lib/api.ts'
import { countryOptions, useCountries } from '../lib/countries.ts'
import { errorMessage } from '../lib/errors.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { type Programme, sproutApi } from './sprout-api.ts'

interface ProgrammeForm {
  nameZh: string
  nameEn: string
  products: string[]
  countries: string[]
  startsOn: string
  endsOn: string
  siteIds: string[]
  minAge?: number
  maxAge?: number
}

function ProgrammesTab() {
  const { t } = useTranslation()
  const { countries, nameOf } = useCountries()
  const [tick, setTick] = useState(0)
  const { data } = useLoad(() => sproutApi.programmes(), String(tick))
  const { data: sites } = useLoad(() =>
    get<{ sites: Array<{ id: string; name: { 'zh-CN': string; en: string } }> }>('/api/v1/health/sites'),
  )
  const [error, setError] = useState<string>()
  const [created, setCreated] = useState(false)
  const [form] = Form.useForm<ProgrammeForm>()

  async function create(v: ProgrammeForm) {
    setError(undefined)
    setCreated(false)
    try {
      await sproutApi.createProgramme({
        name: { 'zh-CN': v.nameZh, en: v.nameEn },
        products: v.products,
        countries: v.countries,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        siteIds: v.siteIds,
        ...(v.minAge !== undefined && v.minAge !== null ? { minAge: v.minAge } : {}),
        ...(v.maxAge !== undefined && v.maxAge !== null ? { maxAge: v.maxAge } : {}),
      })
      setCreated(true)
      form.resetFields()
      setTick((n) => n + 1)
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('health.sprout.newProgramme')} size="small">
        <Form<ProgrammeForm> form={form} layout="vertical" onFinish={create} style={{ maxWidth: 640 }}>
          <Form.Item name="nameZh" label={t('health.sprout.nameZh')} rules={[{ required: true }]}>
            <Input data-testid="programme-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('health.sprout.nameEn')} rules={[{ required: true }]}>
            <Input data-testid="programme-name-en" />
          </Form.Item>
          <Form.Item name="products" label={t('health.sprout.products')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              data-testid="programme-products"
              options={PRODUCT_CODES.map((c) => ({ value: c, label: PRODUCTS[c].name }))}
            />
          </Form.Item>
          <Form.Item name="countries" label={t('health.sprout.countries')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              data-testid="programme-countries"
              options={countryOptions(countries)}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={t('health.sprout.startsOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="programme-starts" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('health.sprout.endsOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="programme-ends" />
            </Form.Item>
            <Form.Item name="minAge" label={t('health.sprout.minAge')}>
              <InputNumber min={0} max={150} />
            </Form.Item>
            <Form.Item name="maxAge" label={t('health.sprout.maxAge')}>
              <InputNumber min={0} max={150} />
            </Form.Item>
          </Space>
          <Form.Item name="siteIds" label={t('health.sprout.sites')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              data-testid="programme-sites"
              options={(sites?.sites ?? []).map((s) => ({ value: s.id, label: localized(s.name) }))}
            />
          </Form.Item>
          {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
          {created && (
            <Alert
              type="success"
              message={t('health.sprout.created')}
              style={{ marginBottom: 12 }}
              data-testid="programme-created"
            />
          )}
          <Button type="primary" htmlType="submit" data-testid="programme-create">
            {t('health.sprout.open')}
          </Button>
        </Form>
      </Card>
      <Table<Programme>
        size="small"
        rowKey="id"
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: true }}
        data-testid="programme-list"
        columns={[
          { title: t('health.sprout.name'), render: (_, p) => localized(p.name) },
          { title: t('health.sprout.countries'), render: (_, p) => p.countries.map(nameOf).join(', ') },
          { title: t('health.sprout.dates'), render: (_, p) => `${p.startsOn} – ${p.endsOn}` },
          {
            title: t('health.sprout.sites'),
            render: (_, p) => p.sites.map((s) => localized(s.name)).join(', '),
          },
        ]}
      />
    </Space>
  )
}

/** Green by share of registered people vaccinated. */
function coverageColor(share: number): string {
  const steps = ['#e6f4ea', '#b7e1c1', '#7cc68d', '#3fa65a', '#1b7a36']
  return steps[Math.min(steps.length - 1, Math.floor(share * steps.length))] ?? steps[0]!
}

function CoverageTab() {
  const { t } = useTranslation()
  const { countries, nameOf } = useCountries()
  const { data: world, error } = useLoad(() => sproutApi.world())
  const [country, setCountry] = useState<string>()
  const { data: detail } = useLoad(
    () => (country ? sproutApi.coverage(country) : Promise.resolve(undefined)),
    country ?? '',
  )
  const byCode = new Map((world ?? []).map((w) => [w.country, w]))
  const mapCountries = countries
    .filter((c) => byCode.has(c.code))
    .map((c) => {
      const w = byCode.get(c.code)
      const share = w && w.registered > 0 ? w.vaccinated / w.registered : 0
      return {
        code: c.code,
        numeric: c.numeric,
        label: `${localized(c.name)}: ${w?.vaccinated ?? 0} / ${w?.registered ?? 0}`,
        color: coverageColor(share),
      }
    })
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error !== undefined && <Alert type="error" message={errorMessage(error, t)} />}
      <Space wrap>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          placeholder={t('health.sprout.pickCountry')}
          value={country}
          onChange={setCountry}
          data-testid="coverage-country"
          options={(world ?? []).map((w) => ({ value: w.country, label: nameOf(w.country) }))}
        />
        <a href="/api/v1/health/coverage.csv" download data-testid="coverage-csv">
          {t('health.sprout.csv')}
        </a>
      </Space>
      <WorldMap countries={mapCountries} onSelect={setCountry} ariaLabel={t('health.sprout.mapLabel')} />
      {detail && (
        <Card size="small" data-testid="coverage-detail" title={nameOf(detail.country)}>
          <Space wrap size="large">
            <Typography.Text>
              {t('health.sprout.registered')}:{' '}
              <strong data-testid="coverage-registered">{detail.registered}</strong>
            </Typography.Text>
            <Typography.Text>
              {t('health.sprout.vaccinated')}:{' '}
              <strong data-testid="coverage-vaccinated">{detail.vaccinated}</strong>
            </Typography.Text>
            <Typography.Text>
              {t('health.sprout.doses')}: <strong data-testid="coverage-doses">{detail.doses}</strong>
            </Typography.Text>
          </Space>
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="siteId"
            pagination={false}
            dataSource={detail.sites}
            columns={[
              { title: t('health.sprout.site'), render: (_, s) => localized(s.name) },
              { title: t('health.sprout.doses'), dataIndex: 'doses' },
              { title: t('health.sprout.vaccinated'), dataIndex: 'people' },
            ]}
          />
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="week"
            pagination={false}
            dataSource={detail.weeks}
            columns={[
              { title: t('health.sprout.week'), dataIndex: 'week' },
              { title: t('health.sprout.doses'), dataIndex: 'doses' },
            ]}
          />
        </Card>
      )}
    </Space>
  )
}

/** Spring Sprout at HQ: the programmes and the coverage on the world map. */
export function SproutConsole() {
  const { t } = useTranslation()
  return (
    <div>
      <Typography.Title level={3}>{t('health.sprout.consoleTitle')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'programmes',
            label: <span data-testid="tab-programmes">{t('health.sprout.programmes')}</span>,
            children: <ProgrammesTab />,
          },
          {
            key: 'coverage',
            label: <span data-testid="tab-coverage">{t('health.sprout.coverage')}</span>,
            children: <CoverageTab />,
          },
        ]}
      />
    </div>
  )
}
