import {
  RAT_DEVICE_CODES,
  RAT_DEVICES,
  RECOVERY_VALID_FROM_DAYS,
  RECOVERY_VALID_UNTIL_DAYS,
  TEST_NOT_DETECTED,
  TEST_RESULT_CODES,
  TEST_RESULTS,
  TEST_TYPE_CODES,
  TEST_TYPE_RAT,
  TEST_TYPES,
  TEST_VALIDITY_HOURS,
  type TestType,
} from '@server/health/health.enums.ts'
import type { recordCreated } from '@server/health/health.schema.ts'
import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'

type Created = z.infer<typeof recordCreated>

interface Props {
  personId: string
  siteId: string
  /** The testing centre's default name: the site's. */
  siteName: string
}

const DAY_MS = 86_400_000
const today = () => new Date().toISOString().slice(0, 10)
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
/** Now as a `datetime-local` value (local time, minutes). */
function localNow() {
  const d = new Date()
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset())
  return d.toISOString().slice(0, 16)
}

function useSubmit<T>(url: string) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<Created>()
  async function submit(body: T) {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      setDone(await post<Created>(url, body))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, done, submit }
}

function Outcome({ error, done, testId }: { error?: string; done?: Created; testId: string }) {
  const { t } = useTranslation()
  if (error)
    return <Alert type="error" message={error} style={{ marginTop: 12 }} data-testid={`${testId}-error`} />
  if (done)
    return (
      <Alert
        type="success"
        style={{ marginTop: 12 }}
        data-testid={`${testId}-recorded`}
        message={t('health.clinician.recordedCertificate')}
      />
    )
  return null
}

interface TestValues {
  type: TestType
  name?: string
  manufacturer?: string
  sampledAt: string
  result: string
  centre: string
}

/** A test taken at the site: a negative result issues a test certificate valid 72 h (NAAT) or 24 h (RAT). */
export function TestForm({ personId, siteId, siteName }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<TestValues>()
  const type = Form.useWatch('type', form) ?? TEST_TYPE_RAT
  const { busy, error, done, submit } = useSubmit('/api/v1/health/tests')
  return (
    <Form<TestValues>
      form={form}
      layout="vertical"
      initialValues={{
        type: TEST_TYPE_RAT,
        sampledAt: localNow(),
        result: TEST_NOT_DETECTED,
        centre: siteName.slice(0, 50),
      }}
      onFinish={(v) =>
        submit({
          personId,
          siteId,
          type: v.type,
          result: v.result,
          centre: v.centre,
          sampledAt: new Date(v.sampledAt).toISOString(),
          ...(v.type === TEST_TYPE_RAT ? { manufacturer: v.manufacturer } : { name: v.name || undefined }),
        })
      }
    >
      <Form.Item name="type" label={t('health.clinician.testType')} rules={[{ required: true }]}>
        <Select
          data-testid="test-type"
          options={TEST_TYPE_CODES.map((code) => ({ value: code, label: `${TEST_TYPES[code]} (${code})` }))}
        />
      </Form.Item>
      {type === TEST_TYPE_RAT ? (
        <Form.Item name="manufacturer" label={t('health.clinician.device')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="test-device"
            options={RAT_DEVICE_CODES.map((code) => ({
              value: code,
              label: `${RAT_DEVICES[code]} (${code})`,
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name="name" label={t('health.clinician.testName')}>
          <Input maxLength={80} data-testid="test-name" />
        </Form.Item>
      )}
      <Space wrap>
        <Form.Item name="sampledAt" label={t('health.clinician.sampledAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" data-testid="test-sampled" />
        </Form.Item>
        <Form.Item name="result" label={t('health.clinician.result')} rules={[{ required: true }]}>
          <Select
            style={{ minWidth: 160 }}
            options={TEST_RESULT_CODES.map((code) => ({ value: code, label: TEST_RESULTS[code] }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="centre" label={t('health.clinician.centre')} rules={[{ required: true, max: 50 }]}>
        <Input data-testid="test-centre" />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t('health.clinician.testValidity', { hours: TEST_VALIDITY_HOURS[type] })}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="test-record">
        {t('health.clinician.recordTest')}
      </Button>
      <Outcome error={error} done={done} testId="test" />
    </Form>
  )
}

interface RecoveryValues {
  firstPositive: string
  validFrom: string
  validUntil: string
}

/** A recovery: valid from at least 11 days to at most 180 days after the first positive test. */
export function RecoveryForm({ personId, siteId }: Omit<Props, 'siteName'>) {
  const { t } = useTranslation()
  const [form] = Form.useForm<RecoveryValues>()
  const { busy, error, done, submit } = useSubmit('/api/v1/health/recoveries')
  const first = addDays(today(), -RECOVERY_VALID_FROM_DAYS)
  return (
    <Form<RecoveryValues>
      form={form}
      layout="vertical"
      initialValues={{
        firstPositive: first,
        validFrom: addDays(first, RECOVERY_VALID_FROM_DAYS),
        validUntil: addDays(first, RECOVERY_VALID_UNTIL_DAYS),
      }}
      onValuesChange={(changed: Partial<RecoveryValues>) => {
        if (changed.firstPositive && /^\d{4}-\d\d-\d\d$/.test(changed.firstPositive))
          form.setFieldsValue({
            validFrom: addDays(changed.firstPositive, RECOVERY_VALID_FROM_DAYS),
            validUntil: addDays(changed.firstPositive, RECOVERY_VALID_UNTIL_DAYS),
          })
      }}
      onFinish={(v) => submit({ personId, siteId, ...v })}
    >
      <Form.Item
        name="firstPositive"
        label={t('health.clinician.firstPositive')}
        rules={[{ required: true }]}
      >
        <Input type="date" data-testid="recovery-first" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="validFrom" label={t('health.clinician.validFrom')} rules={[{ required: true }]}>
          <Input type="date" data-testid="recovery-from" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('health.clinician.validUntil')} rules={[{ required: true }]}>
          <Input type="date" data-testid="recovery-until" />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('health.clinician.recoveryRule', {
          from: RECOVERY_VALID_FROM_DAYS,
          until: RECOVERY_VALID_UNTIL_DAYS,
        })}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="recovery-record">
        {t('health.clinician.recordRecovery')}
      </Button>
      <Outcome error={error} done={done} testId="recovery" />
    </Form>
  )
}
