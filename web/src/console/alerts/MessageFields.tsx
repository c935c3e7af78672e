import {
  CAP_CATEGORY,
  CAP_CERTAINTY,
  CAP_RESPONSE,
  CAP_SEVERITY,
  CAP_URGENCY,
} from '@server/alerts/cap/cap.enums.ts'
import { Col, Form, Input, Row, Select, Switch, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { expiryOf, LANGS, type Lang, TEXT_FIELDS } from './capBody.ts'

const EXPIRY_HOURS = [6, 12, 24, 48, 72, 168, 0]
const LONG = new Set(['description', 'instruction'])

/** Headline, description, instruction and area name in both languages, one tab each. */
export function TextTabs() {
  const { t } = useTranslation()
  const [active, setActive] = useState<Lang>('zh-CN')
  const form = Form.useFormInstance()
  const text = Form.useWatch('text', form) as Record<Lang, Record<string, string>> | undefined
  const filled = (lang: Lang) => TEXT_FIELDS.filter((f) => text?.[lang]?.[f]?.trim()).length
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => setActive(k as Lang)}
      items={LANGS.map((lang) => ({
        key: lang,
        forceRender: true,
        label: (
          <span data-testid={`text-tab-${lang}`}>
            {t(`alertsConsole.lang.${lang}`)}{' '}
            <Typography.Text type="secondary">
              {filled(lang)}/{TEXT_FIELDS.length}
            </Typography.Text>
          </span>
        ),
        children: TEXT_FIELDS.map((f) => (
          <Form.Item
            key={f}
            name={['text', lang, f]}
            label={t(`alertsConsole.text.${f}`)}
            rules={
              LONG.has(f)
                ? []
                : [{ required: true, whitespace: true, message: t('alertsConsole.errors.required') }]
            }
          >
            {LONG.has(f) ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid={`text-${lang}-${f}`} />
            ) : (
              <Input data-testid={`text-${lang}-${f}`} />
            )}
          </Form.Item>
        )),
      }))}
    />
  )
}

/** The CAP codes, the expiry and the safety check. */
export function CodeFields() {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const expiresIn = Form.useWatch('expiresIn', form) as number | undefined
  const expiresAt = Form.useWatch('expiresAt', form) as string | undefined
  const until = expiryOf({ expiresIn: expiresIn ?? 24, expiresAt })
  const select = (name: string, values: readonly string[], prefix: string, multiple = false) => (
    <Form.Item
      name={name}
      label={t(`alertsConsole.codes.${name}`)}
      rules={[{ required: true, message: t('alertsConsole.errors.required') }]}
    >
      <Select
        mode={multiple ? 'multiple' : undefined}
        data-testid={`code-${name}`}
        options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))}
      />
    </Form.Item>
  )
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          {select('severity', CAP_SEVERITY, 'alerts.severity')}
        </Col>
        <Col xs={24} sm={12}>
          {select('urgency', CAP_URGENCY, 'alertsConsole.urgency')}
        </Col>
        <Col xs={24} sm={12}>
          {select('certainty', CAP_CERTAINTY, 'alertsConsole.certainty')}
        </Col>
        <Col xs={24} sm={12}>
          {select('category', CAP_CATEGORY, 'alertsConsole.category', true)}
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="responseType" label={t('alertsConsole.codes.responseType')}>
            <Select
              mode="multiple"
              options={CAP_RESPONSE.map((v) => ({ value: v, label: t(`alertsConsole.response.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="expiresIn"
            label={t('alertsConsole.codes.expires')}
            extra={until ? t('alertsConsole.compose.until', { at: until.toLocaleString() }) : undefined}
          >
            <Select
              data-testid="code-expires"
              options={EXPIRY_HOURS.map((h) => ({
                value: h,
                label: h ? t('alertsConsole.compose.hours', { n: h }) : t('alertsConsole.compose.custom'),
              }))}
            />
          </Form.Item>
          {expiresIn === 0 && (
            <Form.Item
              name="expiresAt"
              rules={[{ required: true, message: t('alertsConsole.errors.required') }]}
              style={{ marginTop: -12 }}
            >
              <Input type="datetime-local" data-testid="code-expires-at" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item
        name="safetyCheck"
        valuePropName="checked"
        label={t('alertsConsole.compose.safetyCheck')}
        extra={t('alertsConsole.compose.safetyCheckHint')}
      >
        <Switch data-testid="safety-check" />
      </Form.Item>
    </>
  )
}
