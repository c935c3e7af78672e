import type { dependantResponse } from '@server/registrations/dependant.schema.ts'
import type { tripResponse } from '@server/registrations/registrations.schema.ts'
import { Button, Form, Input, Modal, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { api, get, post } from '../lib/api.ts'
import { countryOptions, useCountries } from '../lib/countries.ts'
import { putFieldErrors } from '../lib/fields.ts'
import { useLoad } from '../lib/useLoad.ts'
import { CityInput } from './CityInput.tsx'
import { ModalFormFooter } from './FormParts.tsx'

type Dependant = z.infer<typeof dependantResponse>
type Trip = z.infer<typeof tripResponse>

interface Values {
  travellers?: string[]
  destinations: Array<{ country?: string; city?: string; cityId?: number; address?: string; phone?: string }>
  startDate: string
  endDate: string
}

/** Adds a trip, or edits one: destinations (country and city) and inclusive dates. */
export function TripForm({
  trip,
  open,
  onClose,
  onSaved,
}: {
  trip?: Trip
  open: boolean
  onClose: () => void
  onSaved: (trip: Trip) => void
}) {
  const { t } = useTranslation()
  const { countries } = useCountries()
  const [form] = Form.useForm<Values>()
  const destinations = Form.useWatch('destinations', form)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const dependants = useLoad(
    () => (open ? get<Dependant[]>('/api/v1/me/dependants') : Promise.resolve([])),
    String(open),
  )

  useEffect(() => {
    if (!open) return
    setError(undefined)
    form.setFieldsValue(
      trip
        ? {
            destinations: trip.destinations.map((d) => ({
              country: d.country,
              city: d.city ?? undefined,
              cityId: d.cityId ?? undefined,
              address: d.address ?? undefined,
              phone: d.phone ?? undefined,
            })),
            startDate: trip.startDate,
            endDate: trip.endDate,
            travellers: trip.travellers ?? [],
          }
        : { destinations: [{}], startDate: '', endDate: '', travellers: [] },
    )
  }, [open, trip, form])

  const submit = async (v: Values) => {
    setBusy(true)
    setError(undefined)
    const body = {
      destinations: v.destinations.map((d) => ({
        country: d.country,
        ...(d.city?.trim() ? { city: d.city.trim() } : {}),
        ...(d.cityId ? { cityId: d.cityId } : {}),
        ...(d.address?.trim() ? { address: d.address.trim() } : {}),
        ...(d.phone?.trim() ? { phone: d.phone.replace(/[\s()-]/g, '') } : {}),
      })),
      startDate: v.startDate,
      endDate: v.endDate,
      travellers: v.travellers ?? [],
    }
    try {
      const saved = trip
        ? await api<Trip>('PUT', `/api/v1/me/trips/${trip.id}`, body)
        : await post<Trip>('/api/v1/me/trips', body)
      onSaved(saved)
    } catch (e) {
      setError(e)
      putFieldErrors(form, e, t)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t(trip ? 'trips.edit' : 'trips.add')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="trip-form" requiredMark="optional">
        <Form.List name="destinations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" wrap style={{ width: '100%' }}>
                  <Form.Item
                    name={[field.name, 'country']}
                    label={t('trips.country', { n: i + 1 })}
                    rules={[{ required: true, message: t('trips.countryRequired') }]}
                    style={{ minWidth: 220 }}
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'search' }}
                      options={countryOptions(countries)}
                      placeholder={t('trips.countryPlaceholder')}
                      data-testid={`trip-country-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'cityId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'city']} label={t('trips.city')} style={{ minWidth: 220 }}>
                    <CityInput
                      country={destinations?.[field.name]?.country}
                      onPick={(id) => form.setFieldValue(['destinations', field.name, 'cityId'], id)}
                      testId={`trip-city-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'address']} label={t('advice.city.address')}>
                    <Input maxLength={300} data-testid={`trip-address-${i}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'phone']}
                    label={t('advice.city.phone')}
                    extra={t('advice.city.phoneHint')}
                  >
                    <Input type="tel" maxLength={24} data-testid={`trip-phone-${i}`} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                      {t('trips.removeDestination')}
                    </Button>
                  )}
                </Space>
              ))}
              {fields.length < 20 && (
                <Button type="dashed" onClick={() => add({})} block style={{ marginBottom: 16 }}>
                  + {t('trips.addDestination')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Space wrap>
          <Form.Item
            name="startDate"
            label={t('trips.start')}
            rules={[{ required: true, message: t('trips.dateRequired') }]}
          >
            <Input type="date" data-testid="trip-start" />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={t('trips.end')}
            rules={[{ required: true, message: t('trips.dateRequired') }]}
          >
            <Input type="date" data-testid="trip-end" />
          </Form.Item>
        </Space>
        {!!dependants.data?.length && (
          <Form.Item name="travellers" label={t('dependants.travelling')}>
            <Select
              mode="multiple"
              options={dependants.data.map((d) => ({
                value: d.id,
                label: d.nameZh ? `${d.nameLatin} · ${d.nameZh}` : d.nameLatin,
              }))}
            />
          </Form.Item>
        )}
        <ModalFormFooter error={error} busy={busy} onCancel={onClose} saveTestId="trip-save" />
      </Form>
    </Modal>
  )
}
