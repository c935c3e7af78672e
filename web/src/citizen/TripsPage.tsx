import type { advisorySummary } from '@server/advisories/advisories.schema.ts'
import type { tripResponse } from '@server/registrations/registrations.schema.ts'
import { Alert, App, Button, Card, Empty, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { z } from 'zod'
import { LevelTag } from '../advisories/LevelTag.tsx'
import { api, get } from '../lib/api.ts'
import { useCountries } from '../lib/countries.ts'
import { formatDate } from '../lib/dates.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { EmergencyNumbers } from './EmergencyNumbers.tsx'
import { TripForm } from './TripForm.tsx'

type Trip = z.infer<typeof tripResponse>
type AdvisorySummary = z.infer<typeof advisorySummary>

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function phase(trip: Trip): 'current' | 'upcoming' | 'past' {
  const now = today()
  if (trip.endDate < now) return 'past'
  return trip.startDate > now ? 'upcoming' : 'current'
}

const PHASE_COLOR = { current: 'green', upcoming: 'blue', past: 'default' } as const

export function TripsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { nameOf } = useCountries()
  const { data, error, loading, reload } = useLoad(() => get<Trip[]>('/api/v1/me/trips'))
  const advisories = useLoad(() => get<AdvisorySummary[]>('/api/v1/advisories'))
  const levels = advisories.data && new Map(advisories.data.map((a) => [a.country, a.level]))
  const [editing, setEditing] = useState<Trip | 'new'>()
  const [warnings, setWarnings] = useState<Trip['warnings']>([])
  const fmt = (d: string) => formatDate(d)

  const remove = async (trip: Trip) => {
    try {
      await api('DELETE', `/api/v1/me/trips/${trip.id}`)
      message.success(t('trips.removed'))
      reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }

  return (
    <div className="page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('trips.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="trip-add">
          + {t('trips.add')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('trips.why')}
      </Typography.Paragraph>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setWarnings([]) }}
          data-testid="trip-warnings"
          title={t('trips.savedWithWarnings')}
          description={warnings.map((w) => (
            <div key={`${w.code}-${w.destination ?? ''}`}>
              {t(`trips.warning.${w.code.replaceAll('.', '_')}`, { defaultValue: w.detail })}
            </div>
          ))}
          style={{ marginBottom: 16 }}
        />
      )}
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : loading ? (
        <Skeleton active />
      ) : !data?.length ? (
        <Empty description={t('trips.empty')} data-testid="trips-empty">
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('trips.addFirst')}
          </Button>
        </Empty>
      ) : (
        <List
          data-testid="trips-list"
          grid={{ gutter: 16, xs: 1, sm: 2, lg: 3 }}
          dataSource={data}
          renderItem={(trip) => {
            const p = phase(trip)
            return (
              <List.Item>
                <Card
                  size="small"
                  title={trip.destinations.map((d) => nameOf(d.country)).join(' → ')}
                  extra={<Tag color={PHASE_COLOR[p]}>{t(`trips.phase.${p}`)}</Tag>}
                  actions={[
                    <Button key="edit" type="link" onClick={() => setEditing(trip)}>
                      {t('trips.editShort')}
                    </Button>,
                    <Popconfirm key="del" title={t('trips.confirmRemove')} onConfirm={() => remove(trip)}>
                      <Button type="link" danger>
                        {t('trips.remove')}
                      </Button>
                    </Popconfirm>,
                  ]}
                >
                  <div>
                    {fmt(trip.startDate)} – {fmt(trip.endDate)}
                  </div>
                  <Typography.Text type="secondary">
                    {trip.destinations
                      .map((d) => [d.city, d.address].filter(Boolean).join(' · '))
                      .filter(Boolean)
                      .join(', ')}
                  </Typography.Text>
                  {trip.travellers.length > 0 && (
                    <div>
                      <Typography.Text type="secondary">
                        {t('advice.trip.companions', { count: trip.travellers.length })}
                      </Typography.Text>
                    </div>
                  )}
                  {[...new Set(trip.destinations.map((d) => d.country))].map((c) => (
                    <div key={c} className="trip-call" data-testid={`trip-country-${c}`}>
                      <Space wrap size={6}>
                        <LevelTag level={levels?.get(c) ?? null} testId={`trip-level-${c}`} />
                        <Link to={`/advisories/${c}`}>{t('advice.trip.level', { country: nameOf(c) })}</Link>
                      </Space>
                      {p !== 'past' && <EmergencyNumbers country={c} maxMissions={1} title={false} />}
                    </div>
                  ))}
                </Card>
              </List.Item>
            )
          }}
        />
      )}
      <TripForm
        open={editing !== undefined}
        trip={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          setEditing(undefined)
          setWarnings(saved.warnings)
          message.success(t('trips.saved'))
          reload()
        }}
      />
    </div>
  )
}
