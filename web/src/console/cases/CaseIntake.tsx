import type { CaseSummary } from '@server/cases/case/case.schema.ts'
import { CASE_TYPES, type CaseType } from '@server/cases/case/case-types.ts'
import type { Contact, contactList } from '@server/cases/hotline/contact.schema.ts'
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import { ApiError, post } from '../../lib/api.ts'
import { countryOptions, useCountries } from '../../lib/countries.ts'
import { errorMessage } from '../../lib/errors.ts'

/** The caller found by phone: the registered person, with where they are now and their open cases. */
type Caller = z.infer<typeof contactList>['person']

interface Values {
  type: CaseType
  summary: string
  country?: string
  lifeThreatening?: boolean
  injured?: boolean
  minorInvolved?: boolean
  peopleCount?: number
  needToKnow?: boolean
}

/** Opens a case from a contact: type, what happened, where, and the answers that set its priority. */
export function CaseIntake({
  contact,
  person,
  open,
  onClose,
}: {
  contact: Contact | undefined
  person: Caller
  open: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { countries } = useCountries()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<unknown>()
  const [duplicate, setDuplicate] = useState<string>()
  const [busy, setBusy] = useState(false)
  const place =
    contact?.location ??
    (person?.whereNow?.lat != null ? { lat: person.whereNow.lat, lon: person.whereNow.lon as number } : null)
  useEffect(() => {
    if (!open) return
    setError(undefined)
    setDuplicate(undefined)
    form.resetFields()
    form.setFieldsValue({
      summary: contact?.summary ?? '',
      country: contact?.country ?? person?.whereNow?.country,
    })
  }, [open, contact, person, form])

  const submit = async (v: Values, force = false) => {
    setBusy(true)
    setError(undefined)
    try {
      const created = await post<CaseSummary>('/api/v1/cases', {
        type: v.type,
        summary: v.summary,
        ...(place ? { lat: place.lat, lon: place.lon } : v.country ? { country: v.country } : {}),
        ...(contact ? { contactId: contact.id } : {}),
        people: person
          ? [{ personId: person.id }]
          : contact?.caller.phone
            ? [{ phone: contact.caller.phone }]
            : [],
        answers: {
          lifeThreatening: !!v.lifeThreatening,
          injured: !!v.injured,
          minorInvolved: !!v.minorInvolved,
          ...(v.peopleCount ? { peopleCount: v.peopleCount } : {}),
        },
        ...(v.needToKnow ? { needToKnow: true } : {}),
        ...(force ? { force: true } : {}),
      })
      navigate(`/console/cases/${created.id}`)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'case.possible_duplicate') setDuplicate(e.detail)
      else setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('hotline.openCase')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={620}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => submit(v)} data-testid="case-intake">
        <Form.Item
          name="type"
          label={t('cases.field.type')}
          rules={[{ required: true, message: t('cases.required') }]}
        >
          <Select
            data-testid="intake-type"
            options={CASE_TYPES.map((c) => ({ value: c, label: t(`cases.type.${c}`) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('cases.field.summary')}
          rules={[{ required: true, message: t('cases.required') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="intake-summary" />
        </Form.Item>
        {place ? (
          <Alert
            type="info"
            showIcon
            title={t('hotline.placeKnown', { lat: place.lat.toFixed(4), lon: place.lon.toFixed(4) })}
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Form.Item name="country" label={t('cases.field.country')}>
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              options={countryOptions(countries)}
              data-testid="intake-country"
              allowClear
            />
          </Form.Item>
        )}
        <Space wrap size="large">
          <Form.Item name="lifeThreatening" valuePropName="checked" noStyle>
            <Checkbox>{t('hotline.answer.lifeThreatening')}</Checkbox>
          </Form.Item>
          <Form.Item name="injured" valuePropName="checked" noStyle>
            <Checkbox>{t('hotline.answer.injured')}</Checkbox>
          </Form.Item>
          <Form.Item name="minorInvolved" valuePropName="checked" noStyle>
            <Checkbox>{t('hotline.answer.minorInvolved')}</Checkbox>
          </Form.Item>
        </Space>
        <Space wrap style={{ marginTop: 16 }}>
          <Form.Item name="peopleCount" label={t('hotline.answer.peopleCount')}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
          <Form.Item
            name="needToKnow"
            label={t('cases.field.needToKnow')}
            valuePropName="checked"
            extra={t('cases.needToKnowHint')}
          >
            <Switch />
          </Form.Item>
        </Space>
        {error !== undefined && (
          <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
        )}
        {duplicate && (
          <Alert
            type="warning"
            showIcon
            title={t('hotline.duplicate')}
            description={duplicate}
            action={
              <Button size="small" onClick={() => submit(form.getFieldsValue(), true)}>
                {t('hotline.createAnyway')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
            {t('hotline.openCase')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  )
}
