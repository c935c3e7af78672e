import { isValidCreditCode } from '@server/enterprises/credit-code.ts'
import { INDUSTRIES, PROVINCES } from '@server/enterprises/enterprises.enums.ts'
import { Alert, Button, Form, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'

interface Values {
  name: string
  nameZh: string
  creditCode: string
  province: string
  industry: string
}

/** Registers an enterprise; the credit code's check character is verified on the field, as the server does. */
export function RegisterForm({ onDone }: { onDone: (id: string) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="enterprise-register"
      onFinish={async (values) => {
        setBusy(true)
        setError(undefined)
        try {
          const res = await post<{ id: string }>('/api/v1/enterprises', {
            ...values,
            creditCode: values.creditCode.trim().toUpperCase(),
          })
          form.resetFields()
          onDone(res.id)
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
      <Form.Item name="nameZh" label={t('enterprises.nameZh')} rules={[{ required: true, max: 200 }]}>
        <Input data-testid="field-nameZh" />
      </Form.Item>
      <Form.Item name="name" label={t('enterprises.name')} rules={[{ required: true, max: 200 }]}>
        <Input data-testid="field-name" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('enterprises.creditCode')}
        extra={t('enterprises.creditCodeHelp')}
        validateTrigger="onBlur"
        rules={[
          { required: true },
          {
            validator: async (_, v: string | undefined) => {
              if (v && !isValidCreditCode(v)) throw new Error(t('enterprises.creditCodeBad'))
            },
          },
        ]}
      >
        <Input maxLength={18} style={{ textTransform: 'uppercase' }} data-testid="field-creditCode" />
      </Form.Item>
      <Form.Item name="province" label={t('enterprises.province')} rules={[{ required: true }]}>
        <Select
          showSearch
          data-testid="field-province"
          options={PROVINCES.map((p) => ({ value: p, label: p }))}
        />
      </Form.Item>
      <Form.Item name="industry" label={t('enterprises.industry')} rules={[{ required: true }]}>
        <Select
          data-testid="field-industry"
          options={INDUSTRIES.map((i) => ({ value: i, label: t(`enterprises.industries.${i}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="enterprise-register-submit">
        {t('enterprises.register')}
      </Button>
    </Form>
  )
}
