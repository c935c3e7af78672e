import type { dependantResponse } from '@server/registrations/dependant.schema.ts'
import { Form, Input, Modal, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { api, post } from '../lib/api.ts'
import { normalizePhone, putFieldErrors } from '../lib/fields.ts'
import { IdentityFields, ModalFormFooter } from './FormParts.tsx'

type Dependant = z.infer<typeof dependantResponse>

type Values = Omit<Dependant, 'id' | 'passportNumber'> & { passportNumber?: string }

export function DependantForm({
  dependant,
  open,
  onClose,
  onSaved,
}: {
  dependant?: Dependant
  open: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!open) return
    setError(undefined)
    form.resetFields()
    if (dependant) form.setFieldsValue({ ...dependant, passportNumber: '' })
  }, [open, dependant, form])

  const submit = async (v: Values) => {
    setBusy(true)
    setError(undefined)
    const body = {
      nameLatin: v.nameLatin,
      nameZh: v.nameZh?.trim() || null,
      dateOfBirth: v.dateOfBirth,
      sex: v.sex ?? null,
      relation: v.relation,
      phone: normalizePhone(v.phone),
      ...(v.passportNumber?.trim() ? { passportNumber: v.passportNumber.trim() } : {}),
    }
    try {
      if (dependant) await api('PUT', `/api/v1/me/dependants/${dependant.id}`, body)
      else await post('/api/v1/me/dependants', body)
      onSaved()
    } catch (e) {
      setError(e)
      putFieldErrors(form, e, t)
    } finally {
      setBusy(false)
    }
  }

  const required = [{ required: true, message: t('profile.required') }]
  return (
    <Modal
      open={open}
      title={t(dependant ? 'dependants.edit' : 'dependants.add')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="dependant-form">
        <Form.Item name="nameLatin" label={t('profile.nameLatin')} rules={required}>
          <Input data-testid="dependant-nameLatin" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('profile.nameZh')}>
          <Input />
        </Form.Item>
        <Form.Item name="relation" label={t('profile.relation')} rules={required}>
          <Select
            style={{ width: 160 }}
            data-testid="dependant-relation"
            options={(['child', 'spouse', 'parent', 'other'] as const).map((r) => ({
              value: r,
              label: t(`dependants.relations.${r}`),
            }))}
          />
        </Form.Item>
        <IdentityFields maskedPassport={dependant?.passportNumber} dobTestId="dependant-dob" dobRequired />
        <Form.Item name="phone" label={t('profile.phone')}>
          <Input type="tel" />
        </Form.Item>
        <ModalFormFooter error={error} busy={busy} onCancel={onClose} saveTestId="dependant-save" />
      </Form>
    </Modal>
  )
}
