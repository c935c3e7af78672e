import type { profileResponse } from '@server/registrations/registrations.schema.ts'
import { App, Button, Card, Form, Input, Select, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { put } from '../lib/api.ts'
import { normalizePhone, putFieldErrors } from '../lib/fields.ts'
import { FormError } from './FormError.tsx'
import { IdentityFields } from './FormParts.tsx'

type Profile = z.infer<typeof profileResponse>
type EmergencyContact = Profile['emergencyContacts'][number]

interface Values {
  nameLatin?: string
  nameZh?: string
  dateOfBirth?: string
  sex?: 'F' | 'M' | 'X'
  passportNumber?: string
  phone?: string
  locale: 'zh-CN' | 'en'
  consentToContact: boolean
  emergencyContacts: EmergencyContact[]
}

const blankToNull = (v?: string) => (v?.trim() ? v.trim() : null)

export function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: (p: Profile) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<Values>()

  const submit = async (v: Values) => {
    setBusy(true)
    setError(undefined)
    try {
      const saved = await put<Profile>('/api/v1/me/profile', {
        nameLatin: blankToNull(v.nameLatin),
        nameZh: blankToNull(v.nameZh),
        dateOfBirth: blankToNull(v.dateOfBirth),
        sex: v.sex ?? null,
        ...(v.passportNumber?.trim() ? { passportNumber: v.passportNumber.trim() } : {}),
        phone: normalizePhone(v.phone),
        locale: v.locale,
        consentToContact: v.consentToContact,
        emergencyContacts: (v.emergencyContacts ?? []).map((c) => ({
          ...c,
          phone: normalizePhone(c.phone) ?? '',
        })),
      })
      form.setFieldValue('passportNumber', '')
      message.success(t('profile.saved'))
      onSaved(saved)
    } catch (e) {
      setError(e)
      putFieldErrors(form, e, t)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="profile-form"
      initialValues={{
        nameLatin: profile.nameLatin ?? '',
        nameZh: profile.nameZh ?? '',
        dateOfBirth: profile.dateOfBirth ?? '',
        sex: profile.sex ?? undefined,
        phone: profile.phone ?? '',
        locale: profile.locale,
        consentToContact: profile.consentToContact,
        emergencyContacts: profile.emergencyContacts,
      }}
    >
      <Card title={t('profile.identity')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="nameLatin" label={t('profile.nameLatin')} extra={t('profile.nameLatinHint')}>
          <Input autoComplete="name" data-testid="profile-nameLatin" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('profile.nameZh')}>
          <Input data-testid="profile-nameZh" />
        </Form.Item>
        <IdentityFields maskedPassport={profile.passportNumber} dobTestId="profile-dob" />
      </Card>
      <Card title={t('profile.contact')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="phone" label={t('profile.phone')} extra={t('profile.phoneHint')}>
          <Input type="tel" autoComplete="tel" placeholder="+81 90 1234 5678" data-testid="profile-phone" />
        </Form.Item>
        <Form.Item name="locale" label={t('profile.locale')}>
          <Select
            style={{ width: 200 }}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="consentToContact"
          label={t('profile.consent')}
          valuePropName="checked"
          extra={t('profile.consentHint')}
        >
          <Switch data-testid="profile-consent" aria-label={t('profile.consent')} />
        </Form.Item>
      </Card>
      <Card title={t('profile.emergencyContacts')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('profile.emergencyHint')}</Typography.Paragraph>
        <Form.List name="emergencyContacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item
                    name={[f.name, 'name']}
                    label={t('profile.contactName')}
                    rules={[{ required: true, message: t('profile.required') }]}
                  >
                    <Input data-testid={`contact-name-${i}`} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'phone']}
                    label={t('profile.phone')}
                    rules={[{ required: true, message: t('profile.required') }]}
                  >
                    <Input type="tel" data-testid={`contact-phone-${i}`} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'relation']}
                    label={t('profile.relation')}
                    rules={[{ required: true, message: t('profile.required') }]}
                  >
                    <Input data-testid={`contact-relation-${i}`} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                    {t('profile.removeContact')}
                  </Button>
                </Space>
              ))}
              {fields.length < 5 && (
                <Button
                  type="dashed"
                  onClick={() => add({ name: '', phone: '', relation: '' })}
                  data-testid="contact-add"
                >
                  + {t('profile.addContact')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      <FormError error={error} />
      <Button type="primary" htmlType="submit" loading={busy} data-testid="profile-save">
        {t('common.save')}
      </Button>
    </Form>
  )
}
