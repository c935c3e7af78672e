import type { Crisis } from '@server/cases/crisis/crisis.schema.ts'
import { App, Button, Card, Form, Input, List, Select, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { LonLat } from '../../alerts/cap.ts'
import { useMissions } from '../../alerts/missions.tsx'
import { get, post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { countryOptions, useCountries } from '../../lib/countries.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { AreaDrawer } from '../alerts/AreaDrawer.tsx'
import { type AreaDraft, EMPTY_AREA } from '../alerts/capBody.ts'
import { useCountryIndex } from '../alerts/places.ts'

/** The drawn ring as a GeoJSON Polygon ([lon, lat], closed), or null without exactly one. */
export function crisisPolygon(area: AreaDraft, pending: LonLat[]) {
  const rings = [...area.polygons, ...(pending.length >= 3 ? [pending] : [])]
  const ring = rings.length === 1 ? rings[0] : undefined
  if (!ring) return null
  const first = ring[0] as LonLat
  return {
    type: 'Polygon' as const,
    coordinates: [[...ring.map(([lon, lat]) => [lon, lat]), [first[0], first[1]]]],
  }
}

/** Crisis events in the caller's scope, and a form to declare one over an area drawn on the map. */
export function CrisesPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { countries, nameOf } = useCountries()
  const [busy, setBusy] = useState(false)
  const [areaError, setAreaError] = useState<string>()
  const [area, setArea] = useState<AreaDraft>(EMPTY_AREA)
  const [pending, setPending] = useState<LonLat[]>([])
  const missions = useMissions()
  const index = useCountryIndex()
  const { me } = useAuth()
  const { data, error, reload } = useLoad(() => get<{ crises: Crisis[] }>('/api/v1/crises'))
  const create = async (v: { name: string; country: string }) => {
    const polygon = crisisPolygon(area, pending)
    if (!polygon) return setAreaError(t('crises.areaOne'))
    setAreaError(undefined)
    setBusy(true)
    try {
      const c = await post<Crisis>('/api/v1/crises', { name: v.name, country: v.country, area: polygon })
      navigate(`/console/crises/${c.id}`)
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('crises.title')}
      </Typography.Title>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <List
          data-testid="crises-list"
          locale={{ emptyText: t('crises.empty') }}
          dataSource={data?.crises ?? []}
          renderItem={(c) => (
            <List.Item
              key={c.id}
              extra={
                <Tag color={c.status === 'active' ? 'red' : 'default'}>{t(`crises.state.${c.status}`)}</Tag>
              }
            >
              <List.Item.Meta
                title={<Link to={`/console/crises/${c.id}`}>{c.name}</Link>}
                description={`${nameOf(c.country)} · ${new Date(c.startsAt).toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })}`}
              />
            </List.Item>
          )}
        />
      )}
      <Card size="small" title={t('crises.declare')} style={{ marginTop: 16 }}>
        <Form layout="vertical" onFinish={create} data-testid="crisis-form">
          <Form.Item
            name="name"
            label={t('crises.name')}
            rules={[{ required: true, message: t('cases.required') }]}
          >
            <Input data-testid="crisis-name" />
          </Form.Item>
          <Form.Item
            name="country"
            label={t('cases.field.country')}
            rules={[{ required: true, message: t('cases.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              options={countryOptions(countries)}
              data-testid="crisis-country"
            />
          </Form.Item>
          <Form.Item label={t('crises.area')} extra={t('crises.areaHint')} required>
            <AreaDrawer
              value={area}
              onChange={(a) => {
                setArea(a)
                setAreaError(undefined)
              }}
              pending={pending}
              onPending={setPending}
              missions={missions}
              index={index}
              modes={['polygon']}
              startCountry={me?.missions[0]?.code.slice(0, 2)}
              error={areaError}
            />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={busy} data-testid="crisis-create">
            {t('crises.declare')}
          </Button>
        </Form>
      </Card>
    </>
  )
}
