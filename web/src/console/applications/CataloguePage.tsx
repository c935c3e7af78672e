import { COLLECTION_OPTIONS, UPLOAD_KINDS } from '@server/applications/applications.enums.ts'
import type { Service, ServiceBody } from '@server/applications/catalogue.schema.ts'
import type { Mission } from '@server/reference/reference.schema.ts'
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, put } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale, localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

interface Values {
  amount: number
  currency: string
  processingDays: number
  eligibilityZh: string
  eligibilityEn: string
  requiresAppointment: boolean
  uploads: ServiceBody['uploads']
  collection: ServiceBody['collection']
  minBytes: number
  maxBytes: number
}

const toValues = (s: Service): Values => ({
  amount: s.fee.amount,
  currency: s.fee.currency,
  processingDays: s.processingDays,
  eligibilityZh: s.eligibility['zh-CN'],
  eligibilityEn: s.eligibility.en,
  requiresAppointment: s.requiresAppointment,
  uploads: s.uploads,
  collection: s.collection,
  minBytes: s.photo.minBytes,
  maxBytes: s.photo.maxBytes,
})

const toBody = (v: Values): ServiceBody => ({
  fee: { amount: v.amount, currency: v.currency.trim().toUpperCase() },
  processingDays: v.processingDays,
  eligibility: { 'zh-CN': v.eligibilityZh, en: v.eligibilityEn },
  requiresAppointment: v.requiresAppointment,
  uploads: v.uploads,
  collection: v.collection,
  photo: { minBytes: v.minBytes, maxBytes: v.maxBytes },
  active: true,
})

/** Administrators edit each mission's document services: fee, processing days, uploads, photo limits. */
export function CataloguePage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const missions = useLoad(() => get<Mission[]>('/api/v1/missions'), 'missions')
  const [mission, setMission] = useState('JP-TYO-EMB')
  const services = useLoad(() => get<Service[]>(`/api/v1/missions/${mission}/services`), mission)
  const [editing, setEditing] = useState<Service>()
  const [error, setError] = useState<string>()
  const [saved, setSaved] = useState(false)
  const [form] = Form.useForm<Values>()
  const save = async () => {
    if (!editing) return
    setError(undefined)
    try {
      const values = await form.validateFields()
      await put(`/api/v1/missions/${mission}/services/${editing.code}`, toBody(values))
      setEditing(undefined)
      setSaved(true)
      services.reload()
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return
      setError(errorMessage(e, t))
    }
  }
  const fmt = (s: Service) =>
    s.fee.amount.toLocaleString(lang, { style: 'currency', currency: s.fee.currency })
  return (
    <div data-testid="catalogue-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('production.catalogue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('production.catalogue.intro')}</Typography.Paragraph>
      <Select
        showSearch
        style={{ minWidth: 280, marginBottom: 12 }}
        value={mission}
        onChange={(v) => {
          setMission(v)
          setSaved(false)
        }}
        optionFilterProp="label"
        data-testid="catalogue-mission"
        options={(missions.data ?? []).map((m) => ({
          value: m.code,
          label: `${localized(m.name)} (${m.code})`,
        }))}
      />
      {saved && (
        <Alert
          type="success"
          showIcon
          message={t('production.catalogue.saved')}
          style={{ marginBottom: 12 }}
        />
      )}
      {services.error ? (
        <LoadError error={services.error} retry={services.reload} />
      ) : (
        <Table
          rowKey="code"
          size="small"
          scroll={{ x: true }}
          loading={services.loading}
          dataSource={services.data ?? []}
          pagination={false}
          columns={[
            {
              title: t('applications.service'),
              dataIndex: 'code',
              render: (c: string) => t(`applications.services.${c}`),
            },
            {
              title: t('production.catalogue.feeAmount'),
              key: 'fee',
              render: (_: unknown, s: Service) => fmt(s),
            },
            { title: t('production.catalogue.processingDays'), dataIndex: 'processingDays' },
            {
              title: t('production.catalogue.uploads'),
              dataIndex: 'uploads',
              render: (u: string[]) => u.map((k) => t(`applications.uploads.${k}`)).join(', '),
            },
            {
              title: '',
              key: 'edit',
              render: (_: unknown, s: Service) => (
                <Button
                  size="small"
                  data-testid={`catalogue-edit-${s.code}`}
                  onClick={() => {
                    setEditing(s)
                    setError(undefined)
                    setSaved(false)
                    form.setFieldsValue(toValues(s))
                  }}
                >
                  {t('production.catalogue.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={editing !== undefined}
        title={editing ? `${t(`applications.services.${editing.code}`)} · ${mission}` : ''}
        onCancel={() => setEditing(undefined)}
        onOk={save}
        okText={t('production.catalogue.save')}
        okButtonProps={{ 'data-testid': 'catalogue-save' } as Record<string, string>}
        width={640}
        forceRender
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="amount" label={t('production.catalogue.feeAmount')} rules={[{ required: true }]}>
            <InputNumber min={0} step={0.01} style={{ width: '100%' }} data-testid="catalogue-fee" />
          </Form.Item>
          <Form.Item
            name="currency"
            label={t('production.catalogue.currency')}
            rules={[{ required: true, pattern: /^[A-Za-z]{3}$/ }]}
          >
            <Input maxLength={3} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            name="processingDays"
            label={t('production.catalogue.processingDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Form.Item
            name="eligibilityZh"
            label={t('production.catalogue.eligibilityZh')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="eligibilityEn"
            label={t('production.catalogue.eligibilityEn')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="requiresAppointment"
            label={t('production.catalogue.requiresAppointment')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item name="uploads" label={t('production.catalogue.uploads')}>
            <Checkbox.Group
              options={UPLOAD_KINDS.map((k) => ({ value: k, label: t(`applications.uploads.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="collection"
            label={t('production.catalogue.collection')}
            rules={[{ required: true }]}
          >
            <Checkbox.Group
              options={COLLECTION_OPTIONS.map((k) => ({
                value: k,
                label: t(`applications.collections.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="minBytes" label={t('production.catalogue.photoMin')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50_000_000} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="maxBytes" label={t('production.catalogue.photoMax')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50_000_000} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  )
}
