import type { Mission, MissionDetail } from '@server/reference/reference.schema.ts'
import { App, Button, Card, Form, Input, Select, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, get } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { errorMessage } from '../lib/errors.ts'
import { putFieldErrors } from '../lib/fields.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'

interface Values {
  emergencyPhone?: string
  phone?: string
  email?: string
  hoursZh?: string
  hoursEn?: string
}

const PHONE = /^\+[1-9][0-9 ()-]{5,24}$/

/** A mission's numbers as citizens see and tap them: its officers keep them, administrators any mission's. */
export function MissionContacts() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me } = useAuth()
  const isAdmin = !!me?.roles.includes('admin')
  const { data: missions } = useLoad(() => get<Mission[]>('/api/v1/missions'))
  const editable = (missions ?? []).filter((m) => isAdmin || me?.missions.some((x) => x.code === m.code))
  const [code, setCode] = useState<string>()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const chosen = code ?? editable[0]?.code

  useEffect(() => {
    if (!chosen) return
    let live = true
    get<MissionDetail>(`/api/v1/missions/${chosen}`).then((m) => {
      if (!live) return
      form.setFieldsValue({
        emergencyPhone: m.emergencyPhone ?? '',
        phone: m.phone ?? '',
        email: m.email ?? '',
        hoursZh: m.hours?.['zh-CN'] ?? '',
        hoursEn: m.hours?.en ?? '',
      })
    })
    return () => {
      live = false
    }
  }, [chosen, form])

  if (missions && editable.length === 0)
    return <Typography.Paragraph>{t('advice.console.none')}</Typography.Paragraph>

  const save = async (v: Values) => {
    if (!chosen) return
    const text = (s?: string) => (s?.trim() ? s.trim() : null)
    const zh = text(v.hoursZh)
    const en = text(v.hoursEn)
    setBusy(true)
    try {
      await api('PATCH', `/api/v1/missions/${chosen}`, {
        emergencyPhone: text(v.emergencyPhone),
        phone: text(v.phone),
        email: text(v.email),
        hours: zh && en ? { 'zh-CN': zh, en } : null,
      })
      message.success(t('advice.console.saved'))
    } catch (e) {
      message.error(errorMessage(e, t))
      putFieldErrors(form, e, t)
    } finally {
      setBusy(false)
    }
  }

  const phoneRule = {
    validator: (_: unknown, v?: string) =>
      !v?.trim() || PHONE.test(v.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('advice.console.phoneFormat'))),
  }
  return (
    <Card
      title={t('advice.console.title')}
      style={{ marginBottom: 16, maxWidth: 640 }}
      data-testid="mission-contacts"
    >
      <Typography.Paragraph type="secondary">{t('advice.console.intro')}</Typography.Paragraph>
      {editable.length > 1 && (
        <Select
          value={chosen}
          onChange={setCode}
          showSearch={{ optionFilterProp: 'label' }}
          options={editable.map((m) => ({ value: m.code, label: `${localized(m.name)} (${m.code})` }))}
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="mission-contacts-select"
        />
      )}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="emergencyPhone" label={t('advice.console.emergencyPhone')} rules={[phoneRule]}>
          <Input type="tel" data-testid="mission-emergency-phone" placeholder="+81 3 3403 3065" />
        </Form.Item>
        <Form.Item name="phone" label={t('advice.console.phone')} rules={[phoneRule]}>
          <Input type="tel" data-testid="mission-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('advice.console.email')} rules={[{ type: 'email' }]}>
          <Input type="email" data-testid="mission-email" />
        </Form.Item>
        <Form.Item
          name="hoursZh"
          label={t('advice.console.hoursZh')}
          dependencies={['hoursEn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_: unknown, v?: string) =>
                !!v?.trim() === !!String(getFieldValue('hoursEn') ?? '').trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('advice.console.hoursBoth'))),
            }),
          ]}
        >
          <Input maxLength={300} data-testid="mission-hours-zh" />
        </Form.Item>
        <Form.Item name="hoursEn" label={t('advice.console.hoursEn')}>
          <Input maxLength={300} data-testid="mission-hours-en" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="mission-contacts-save">
          {t('advice.console.save')}
        </Button>
      </Form>
    </Card>
  )
}
