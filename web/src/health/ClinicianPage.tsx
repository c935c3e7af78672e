import {
  MANUFACTURER_CODES,
  MANUFACTURERS,
  PRODUCT_CODES,
  PRODUCTS,
  type Product,
} from '@server/health/health.enums.ts'
import type { doseCreated, PersonFound } from '@server/health/health.schema.ts'
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tabs,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get, post } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { errorMessage } from '../lib/errors.ts'
import { DayList } from './DayList.tsx'
import { RecoveryForm, TestForm } from './RecordForms.tsx'
import { StockPanel } from './StockPanel.tsx'

interface DoseForm {
  product: Product
  manufacturer: string
  lot: string
  doseNumber: number
  seriesDoses: number
  date: string
}

const today = () => new Date().toISOString().slice(0, 10)

/**
 * A vaccination site's desk: find the person by passport number, then record a dose, a test or a
 * recovery (each issues its certificate).
 */
function PassportDesk() {
  const { t, i18n } = useTranslation()
  const { me } = useAuth()
  const site = me?.healthSite
  const [passport, setPassport] = useState('')
  const [people, setPeople] = useState<PersonFound[]>()
  const [person, setPerson] = useState<PersonFound>()
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<z.infer<typeof doseCreated>>()
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<DoseForm>()

  async function find() {
    setError(undefined)
    setDone(undefined)
    setPerson(undefined)
    try {
      const found = await get<{ people: PersonFound[] }>(
        `/api/v1/health/people?passport=${encodeURIComponent(passport.trim())}`,
      )
      setPeople(found.people)
      if (found.people.length === 1) setPerson(found.people[0])
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }

  async function record(values: DoseForm) {
    if (!person || !site) return
    setBusy(true)
    setError(undefined)
    try {
      setDone(await post('/api/v1/health/doses', { ...values, personId: person.id, siteId: site.id }))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  if (!site) return <Alert type="warning" message={t('health.clinician.noSite')} />
  const siteName = i18n.language === 'en' ? site.name.en : site.name['zh-CN']
  const doseForm = (
    <Form<DoseForm>
      form={form}
      layout="vertical"
      onFinish={record}
      initialValues={{
        product: 'EU/1/20/1528',
        manufacturer: PRODUCTS['EU/1/20/1528'].ma,
        doseNumber: 1,
        seriesDoses: 2,
        date: today(),
      }}
      onValuesChange={(changed: Partial<DoseForm>) => {
        if (changed.product) form.setFieldValue('manufacturer', PRODUCTS[changed.product].ma)
      }}
    >
      <Form.Item name="product" label={t('health.clinician.product')} rules={[{ required: true }]}>
        <Select
          data-testid="dose-product"
          options={PRODUCT_CODES.map((code) => ({
            value: code,
            label: `${PRODUCTS[code].name} (${code})`,
          }))}
        />
      </Form.Item>
      <Form.Item name="manufacturer" label={t('health.clinician.manufacturer')} rules={[{ required: true }]}>
        <Select options={MANUFACTURER_CODES.map((code) => ({ value: code, label: MANUFACTURERS[code] }))} />
      </Form.Item>
      <Form.Item name="lot" label={t('health.clinician.lot')} rules={[{ required: true }]}>
        <Input data-testid="dose-lot" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="doseNumber" label={t('health.clinician.doseNumber')} rules={[{ required: true }]}>
          <InputNumber min={1} max={9} data-testid="dose-number" />
        </Form.Item>
        <Form.Item name="seriesDoses" label={t('health.clinician.seriesDoses')} rules={[{ required: true }]}>
          <InputNumber min={1} max={9} data-testid="dose-series" />
        </Form.Item>
        <Form.Item name="date" label={t('health.clinician.date')} rules={[{ required: true }]}>
          <Input type="date" data-testid="dose-date" />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="dose-record">
        {t('health.clinician.record')}
      </Button>
    </Form>
  )
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={3}>{t('health.clinician.title')}</Typography.Title>
      <Typography.Paragraph data-testid="clinician-site">{siteName}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
        <Input
          value={passport}
          onChange={(e) => setPassport(e.target.value)}
          onPressEnter={find}
          placeholder={t('health.clinician.passport')}
          data-testid="clinician-passport"
        />
        <Button type="primary" onClick={find} data-testid="clinician-find">
          {t('health.clinician.find')}
        </Button>
      </Space.Compact>
      {error && (
        <Alert type="error" message={error} style={{ marginTop: 12 }} data-testid="clinician-error" />
      )}
      {people && people.length === 0 && (
        <Alert type="info" message={t('health.clinician.nobody')} style={{ marginTop: 12 }} />
      )}
      {people && people.length > 1 && (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          {people.map((p) => (
            <Button key={p.id} onClick={() => setPerson(p)}>
              {p.name} · {p.dateOfBirth}
            </Button>
          ))}
        </Space>
      )}
      {person && (
        <Card style={{ marginTop: 16 }} data-testid="clinician-person">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('health.clinician.name')}>{person.name}</Descriptions.Item>
            <Descriptions.Item label={t('health.clinician.latin')}>
              {person.surname ?? '—'} {person.givenNames ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('health.verify.dob')}>{person.dateOfBirth ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('health.clinician.passport')}>
              {person.passportNumber}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            style={{ marginTop: 8 }}
            data-testid="clinician-records"
            items={[
              { key: 'v', label: t('health.types.v'), children: doseForm },
              {
                key: 't',
                label: <span data-testid="tab-test">{t('health.types.t')}</span>,
                children: <TestForm personId={person.id} siteId={site.id} siteName={siteName} />,
              },
              {
                key: 'r',
                label: <span data-testid="tab-recovery">{t('health.types.r')}</span>,
                children: <RecoveryForm personId={person.id} siteId={site.id} />,
              },
            ]}
          />
        </Card>
      )}
      {done && (
        <Alert
          style={{ marginTop: 16 }}
          type={done.lotKnown ? 'success' : 'warning'}
          data-testid="dose-recorded"
          message={t('health.clinician.recorded')}
          description={done.lotKnown ? undefined : t('health.clinician.lotUnknown')}
        />
      )}
    </div>
  )
}

/** The site's desk: a person found by passport, Spring Sprout's day list with the queue, the stock. */
export function ClinicianPage() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const site = me?.healthSite
  if (!site) return <Alert type="warning" message={t('health.clinician.noSite')} />
  return (
    <Tabs
      data-testid="clinician-tabs"
      destroyOnHidden
      items={[
        {
          key: 'desk',
          label: <span data-testid="tab-desk">{t('health.sprout.desk')}</span>,
          children: <PassportDesk />,
        },
        {
          key: 'day',
          label: <span data-testid="tab-day">{t('health.sprout.today')}</span>,
          children: <DayList siteId={site.id} />,
        },
        {
          key: 'stock',
          label: <span data-testid="tab-stock">{t('health.sprout.stock')}</span>,
          children: <StockPanel siteId={site.id} />,
        },
      ]}
    />
  )
}
