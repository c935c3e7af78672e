import { PRODUCT_CODES, PRODUCTS } from '@server/health/health.enums.ts'
import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'
import { type StockLot, sproutApi } from './sprout-api.ts'

/** The site's lots: received, used (doses recorded with the lot), wasted, left; low and expiring flagged. */
export function StockPanel({ siteId }: { siteId: string }) {
  const { t } = useTranslation()
  const [tick, setTick] = useState(0)
  const { data, error } = useLoad(() => sproutApi.stock(siteId), `${siteId}-${tick}`)
  const [formError, setFormError] = useState<string>()

  async function receive(v: { product: string; lot: string; expiresOn: string; doses: number }) {
    setFormError(undefined)
    try {
      await sproutApi.receive(siteId, v)
      setTick((n) => n + 1)
    } catch (e) {
      setFormError(errorMessage(e, t))
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error !== undefined && <Alert type="error" message={errorMessage(error, t)} />}
      <Table<StockLot>
        size="small"
        rowKey={(r) => `${r.product}|${r.lot}`}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: true }}
        data-testid="stock-table"
        columns={[
          {
            title: t('health.clinician.product'),
            dataIndex: 'product',
            render: (p: string) => PRODUCTS[p as keyof typeof PRODUCTS]?.name ?? p,
          },
          { title: t('health.clinician.lot'), dataIndex: 'lot' },
          { title: t('health.sprout.expires'), dataIndex: 'expiresOn' },
          { title: t('health.sprout.received'), dataIndex: 'received' },
          {
            title: t('health.sprout.used'),
            dataIndex: 'used',
            onCell: () => ({ 'data-testid': 'stock-used' }) as object,
          },
          { title: t('health.sprout.wasted'), dataIndex: 'wasted' },
          { title: t('health.sprout.leftCol'), dataIndex: 'left' },
          {
            title: '',
            dataIndex: 'flags',
            render: (flags: string[]) =>
              flags.map((f) => (
                <Tag key={f} color={f === 'low_stock' ? 'orange' : 'red'}>
                  {t(`health.sprout.stockFlags.${f}`)}
                </Tag>
              )),
          },
        ]}
      />
      <Form layout="inline" onFinish={receive} initialValues={{ product: 'BBIBP-CorV', doses: 100 }}>
        <Form.Item name="product" rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={PRODUCT_CODES.map((c) => ({ value: c, label: PRODUCTS[c].name }))}
          />
        </Form.Item>
        <Form.Item name="lot" rules={[{ required: true }]}>
          <Input placeholder={t('health.clinician.lot')} data-testid="stock-lot" />
        </Form.Item>
        <Form.Item name="expiresOn" rules={[{ required: true }]}>
          <Input type="date" data-testid="stock-expires" />
        </Form.Item>
        <Form.Item name="doses" rules={[{ required: true }]}>
          <InputNumber min={1} data-testid="stock-doses" />
        </Form.Item>
        <Button htmlType="submit" data-testid="stock-receive">
          {t('health.sprout.receive')}
        </Button>
      </Form>
      {formError && <Alert type="error" message={formError} />}
    </Space>
  )
}
