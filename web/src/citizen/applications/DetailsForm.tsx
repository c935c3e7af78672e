import { REASONS, RENEWAL_REASONS, REPLACEMENT_REASONS } from '@server/applications/applications.enums.ts'
import { Button, DatePicker, Form, Input, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import type { Application } from './types.ts'

const TEXT = [
  'surname',
  'givenNames',
  'nameZh',
  'birthPlace',
  'phone',
  'addressAbroad',
  'addressChina',
] as const

/** Which reasons each service takes (the others take none). */
const reasonsOf = (service: Application['service']): readonly string[] =>
  service === 'passport_renewal'
    ? RENEWAL_REASONS
    : service === 'passport_replacement'
      ? REPLACEMENT_REASONS
      : []

/**
 * The form's personal details: saved with one click and kept, so nothing is typed twice. A field
 * the MRZ contradicts shows what the MRZ says; while returned only flagged fields open.
 */
export function DetailsForm({ a, onSaved }: { a: Application; onSaved: (next: Application) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm()
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const flagged = new Set(a.corrections.map((c) => c.field))
  const open = (field: string) =>
    a.status === 'draft' || (a.status === 'returned' && flagged.has(field as never))
  const mismatch = (field: string) => a.mrzMismatches.find((m) => m.field === field)
  const help = (field: string) => {
    const m = mismatch(field)
    return m ? t('applications.mrzMismatch', { mrz: m.mrz }) : undefined
  }
  const reasons = reasonsOf(a.service)
  const save = async () => {
    const v = form.getFieldsValue()
    const body: Record<string, unknown> = {}
    for (const f of TEXT) if (open(f) && v[f] && v[f] !== a.form[f]) body[f] = v[f]
    if (open('sex') && v.sex && v.sex !== a.form.sex) body.sex = v.sex
    if (open('reason') && v.reason && v.reason !== a.form.reason) body.reason = v.reason
    const dob = v.dateOfBirth?.format('YYYY-MM-DD')
    if (open('dateOfBirth') && dob && dob !== a.form.dateOfBirth) body.dateOfBirth = dob
    const number = v.passportNumber as string | undefined
    const expiry = v.passportExpiry?.format('YYYY-MM-DD')
    if (open('currentPassport') && number && expiry && !number.includes('•'))
      body.currentPassport = { number, expiryDate: expiry }
    setSaving(true)
    setMessage(undefined)
    try {
      const next = await api<Application>('PATCH', `/api/v1/me/applications/${a.id}`, body)
      setMessage({ ok: true, text: t('applications.saved') })
      onSaved(next)
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e, t) })
    } finally {
      setSaving(false)
    }
  }
  const item = (field: string, label: string, child: React.ReactNode, name = field, status = field) => (
    <Form.Item
      name={name}
      label={label}
      validateStatus={mismatch(status) ? 'warning' : undefined}
      help={help(status)}
      data-testid={`field-${status}`}
    >
      {child}
    </Form.Item>
  )
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        ...a.form,
        dateOfBirth: a.form.dateOfBirth ? dayjs(a.form.dateOfBirth) : undefined,
        passportNumber: a.form.currentPassport?.number,
        passportExpiry: a.form.currentPassport?.expiryDate
          ? dayjs(a.form.currentPassport.expiryDate)
          : undefined,
      }}
    >
      {TEXT.map((f) =>
        item(f, t(`applications.fields.${f}`), <Input disabled={!open(f)} data-testid={`input-${f}`} />),
      )}
      {item(
        'sex',
        t('applications.fields.sex'),
        <Select
          disabled={!open('sex')}
          data-testid="input-sex"
          options={['F', 'M'].map((s) => ({ value: s, label: t(`applications.sex.${s}`) }))}
        />,
      )}
      {item(
        'dateOfBirth',
        t('applications.fields.dateOfBirth'),
        <DatePicker
          disabled={!open('dateOfBirth')}
          data-testid="input-dateOfBirth"
          style={{ width: '100%' }}
        />,
      )}
      {reasons.length > 0 &&
        item(
          'reason',
          t('applications.fields.reason'),
          <Select
            disabled={!open('reason')}
            data-testid="input-reason"
            options={REASONS.filter((r) => reasons.includes(r)).map((r) => ({
              value: r,
              label: t(`applications.reasons.${r}`),
            }))}
          />,
        )}
      {a.service === 'passport_renewal' && (
        <>
          {item(
            'currentPassport',
            t('applications.fields.currentPassport_number'),
            <Input disabled={!open('currentPassport')} data-testid="input-passportNumber" />,
            'passportNumber',
            'currentPassport.number',
          )}
          {item(
            'currentPassport',
            t('applications.fields.currentPassport_expiryDate'),
            <DatePicker
              disabled={!open('currentPassport')}
              data-testid="input-passportExpiry"
              style={{ width: '100%' }}
            />,
            'passportExpiry',
            'currentPassport.expiryDate',
          )}
        </>
      )}
      <Button type="primary" onClick={save} loading={saving} data-testid="save-details">
        {t('applications.save')}
      </Button>{' '}
      {message && (
        <Typography.Text type={message.ok ? 'success' : 'danger'} data-testid="details-message">
          {message.text}
        </Typography.Text>
      )}
    </Form>
  )
}
