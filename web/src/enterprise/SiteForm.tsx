import { SITE_KINDS } from '@server/enterprises/enterprises.enums.ts'
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post, put } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { normalizePhone } from '../lib/fields.ts'
import { PointPicker } from './PointPicker.tsx'
import type { Site, SiteBody } from './types.ts'

const MEASURES = ['guards', 'perimeter', 'safeRoom', 'medical', 'evacuationPlan'] as const

interface Values {
  name: string
  kind: SiteBody['kind']
  country: string
  lat: number
  lon: number
  staff: { chinese: number; local: number; other: number }
  securityOfficer: { name: string; phone: string; email: string }
  measures: string[]
}

/** A site abroad: name, kind, country and point (on the map or typed), head counts, officer, measures. */
export function SiteForm({
  enterpriseId,
  site,
  onSaved,
}: {
  enterpriseId: string
  site?: Site
  onSaved: (s: Site) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const lat = Form.useWatch('lat', form)
  const lon = Form.useWatch('lon', form)
  const initial: Partial<Values> = site
    ? {
        name: site.name,
        kind: site.kind,
        country: site.country,
        lat: site.lat,
        lon: site.lon,
        staff: site.staff,
        securityOfficer: site.securityOfficer,
        measures: MEASURES.filter((m) => site.measures[m]),
      }
    : { staff: { chinese: 0, local: 0, other: 0 }, measures: [] }
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      data-testid="site-form"
      onFinish={async (v) => {
        setBusy(true)
        setError(undefined)
        const body: SiteBody = {
          name: v.name,
          kind: v.kind,
          country: v.country.trim().toUpperCase(),
          lat: v.lat,
          lon: v.lon,
          staff: v.staff,
          securityOfficer: { ...v.securityOfficer, phone: normalizePhone(v.securityOfficer.phone) ?? '' },
          measures: Object.fromEntries(MEASURES.map((m) => [m, v.measures.includes(m)])),
        }
        try {
          const saved = site
            ? await put<Site>(`/api/v1/enterprises/${enterpriseId}/sites/${site.id}`, body)
            : await post<Site>(`/api/v1/enterprises/${enterpriseId}/sites`, body)
          onSaved(saved)
        } catch (e) {
          setError(errorMessage(e, t))
        } finally {
          setBusy(false)
        }
      }}
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="form-error" />
      )}
      <Form.Item name="name" label={t('enterprises.sites.name')} rules={[{ required: true, max: 200 }]}>
        <Input data-testid="site-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('enterprises.sites.kind')} rules={[{ required: true }]}>
            <Select
              data-testid="site-kind"
              options={SITE_KINDS.map((k) => ({ value: k, label: t(`enterprises.kinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="country"
            label={t('enterprises.sites.country')}
            rules={[{ required: true, pattern: /^[A-Za-z]{2}$/ }]}
          >
            <Input maxLength={2} style={{ textTransform: 'uppercase' }} data-testid="site-country" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('enterprises.sites.point')}>
        <PointPicker
          lat={lat}
          lon={lon}
          label={t('enterprises.sites.point')}
          onPick={(la, lo) => form.setFieldsValue({ lat: la, lon: lo })}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="lat" label={t('enterprises.sites.lat')} rules={[{ required: true }]}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} data-testid="site-lat" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lon" label={t('enterprises.sites.lon')} rules={[{ required: true }]}>
            <InputNumber
              min={-180}
              max={180}
              step={0.0001}
              style={{ width: '100%' }}
              data-testid="site-lon"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {(['chinese', 'local', 'other'] as const).map((k) => (
          <Col span={8} key={k}>
            <Form.Item name={['staff', k]} label={t(`enterprises.sites.${k}`)} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid={`site-staff-${k}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text strong>{t('enterprises.sites.officer')}</Typography.Text>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item
            name={['securityOfficer', 'name']}
            label={t('enterprises.sites.officerName')}
            rules={[{ required: true }]}
          >
            <Input data-testid="site-officer-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name={['securityOfficer', 'phone']}
            label={t('enterprises.sites.officerPhone')}
            rules={[{ required: true }]}
          >
            <Input inputMode="tel" data-testid="site-officer-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name={['securityOfficer', 'email']}
            label={t('enterprises.sites.officerEmail')}
            rules={[{ required: true, type: 'email' }]}
          >
            <Input inputMode="email" data-testid="site-officer-email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="measures" label={t('enterprises.sites.measures')}>
        <Checkbox.Group options={MEASURES.map((m) => ({ value: m, label: t(`enterprises.sites.${m}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="site-save">
        {t('enterprises.sites.save')}
      </Button>
    </Form>
  )
}
