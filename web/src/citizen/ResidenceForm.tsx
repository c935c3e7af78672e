import type { profileResponse } from '@server/registrations/registrations.schema.ts'
import { App, Button, Form, Input, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { put } from '../lib/api.ts'
import { countryOptions, useCountries } from '../lib/countries.ts'
import { FormError } from './FormError.tsx'

type Profile = z.infer<typeof profileResponse>
type Residence = NonNullable<Profile['residence']>

interface Values {
  country?: string
  city?: string
  address?: string
  since?: string
}

/** Where the person lives abroad, if they do; a trip is for shorter stays. */
export function ResidenceForm({ residence, onSaved }: { residence: Residence | null; onSaved: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { countries } = useCountries()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const submit = async (v: Values) => {
    setBusy(true)
    setError(undefined)
    try {
      await put<Profile>('/api/v1/me/residence', {
        country: v.country,
        ...(v.city?.trim() ? { city: v.city.trim() } : {}),
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        ...(v.since ? { since: v.since } : {}),
      })
      message.success(t('profile.residenceSaved'))
      onSaved()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Form<Values>
      layout="vertical"
      onFinish={submit}
      initialValues={{
        country: residence?.country,
        city: residence?.city ?? '',
        address: residence?.address ?? '',
        since: residence?.since ?? '',
      }}
    >
      <Space wrap align="start">
        <Form.Item
          name="country"
          label={t('profile.residenceCountry')}
          rules={[{ required: true, message: t('profile.required') }]}
          style={{ minWidth: 220 }}
        >
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            options={countryOptions(countries)}
            data-testid="residence-country"
          />
        </Form.Item>
        <Form.Item name="city" label={t('trips.city')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="since" label={t('profile.since')}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t('profile.address')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <FormError error={error} />
      <Button htmlType="submit" loading={busy}>
        {t('profile.saveResidence')}
      </Button>
    </Form>
  )
}
