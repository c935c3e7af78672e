import { CONSOLE_PATHS } from '@server/console/console.paths.ts'
import type { PersonRecord } from '@server/console/console.schema.ts'
import { Card, Col, Descriptions, Empty, List, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError, get } from '../../lib/api.ts'
import { useCountries } from '../../lib/countries.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { PriorityTag, StatusTag } from '../cases/Tags.tsx'
import { Phone } from '../desk/Phone.tsx'

const when = (iso: string) =>
  new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'short', timeStyle: 'short' })

/** A person's whole record for staff: who, family, where, trips, contacts, cases, alerts. Every view is audited. */
export function PersonRecordPage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const { data, error, loading, reload } = useLoad(() => get<PersonRecord>(`/api/v1/people/${id}/record`), id)
  if (error instanceof ApiError && (error.status === 404 || error.status === 400))
    return <Result status="404" title={t('desk.record.notFound')} data-testid="record-not-found" />
  if (error) return <LoadError error={error} retry={reload} />
  if (loading || !data) return <Skeleton active />
  const p = data.person
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="person-record">
      <div>
        <Typography.Text type="secondary">{t('desk.record.title')}</Typography.Text>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="record-name">
          {[p.nameLatin, p.nameZh].filter(Boolean).join(' · ') || p.name}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('desk.record.audited')}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Profile record={data} />
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Places record={data} />
            <Family record={data} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Trips record={data} />
        </Col>
        <Col xs={24} lg={12}>
          <Cases record={data} />
        </Col>
        <Col xs={24} lg={12}>
          <Contacts record={data} />
        </Col>
        <Col xs={24} lg={12}>
          <Alerts record={data} />
        </Col>
      </Row>
    </Space>
  )
}

type Props = { record: PersonRecord }

function Profile({ record }: Props) {
  const { t } = useTranslation()
  const p = record.person
  return (
    <Card size="small" title={t('desk.record.profile')}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('desk.record.name')}>
          {[p.nameLatin, p.nameZh].filter(Boolean).join(' · ') || p.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk.record.phone')}>
          <Phone number={p.phone} testId="record-phone" />
        </Descriptions.Item>
        <Descriptions.Item label={t('desk.record.email')}>{p.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('desk.record.dateOfBirth')}>{p.dateOfBirth ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('desk.record.passport')}>{p.passportNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('desk.record.consent')}>
          {t(p.consentToContact ? 'desk.record.yes' : 'desk.record.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk.record.emergencyContacts')}>
          {p.emergencyContacts.length === 0 ? (
            t('desk.record.none')
          ) : (
            <Space direction="vertical" size={0}>
              {p.emergencyContacts.map((c) => (
                <span key={`${c.name}${c.phone}`}>
                  {c.name} ({c.relation}) <Phone number={c.phone} />
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function Places({ record }: Props) {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const p = record.person
  const r = record.residence
  return (
    <Card size="small" title={t('desk.record.whereNow')}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('desk.record.whereNow')}>
          <span data-testid="record-where">
            {p.whereNow
              ? `${nameOf(p.whereNow.country)} (${t(`hotline.source.${p.whereNow.source}`)})`
              : t('hotline.unknownPlace')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('desk.record.lastLocation')}>
          {p.lastLocation
            ? t('desk.record.lastLocationAt', {
                lat: p.lastLocation.lat.toFixed(4),
                lon: p.lastLocation.lon.toFixed(4),
                time: when(p.lastLocation.at),
              })
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk.record.residence')}>
          {r
            ? [nameOf(r.country), r.city, r.address].filter(Boolean).join(', ')
            : t('desk.record.noResidence')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function Family({ record }: Props) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('desk.record.dependants')}>
      {record.dependants.length === 0 ? (
        <Typography.Text type="secondary">{t('desk.record.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={record.dependants}
          renderItem={(d) => (
            <List.Item key={d.id}>
              <Space wrap size={4}>
                <Tag>{t(`dependants.relations.${d.relation}`)}</Tag>
                <span>{[d.nameLatin, d.nameZh].filter(Boolean).join(' · ')}</span>
                <Typography.Text type="secondary">{d.dateOfBirth}</Typography.Text>
                {d.passportNumber && <Typography.Text code>{d.passportNumber}</Typography.Text>}
                {d.phone && <Phone number={d.phone} />}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

function Trips({ record }: Props) {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const today = new Date().toISOString().slice(0, 10)
  return (
    <Card size="small" title={t('desk.record.trips')} data-testid="record-trips">
      {record.trips.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.record.noTrips')} />
      ) : (
        <List
          size="small"
          dataSource={record.trips}
          renderItem={(trip) => (
            <List.Item key={trip.id}>
              <Space direction="vertical" size={0}>
                <Space wrap size={4}>
                  <span>
                    {trip.startDate} – {trip.endDate}
                  </span>
                  {trip.startDate <= today && trip.endDate >= today && (
                    <Tag color="green">{t('desk.record.current')}</Tag>
                  )}
                </Space>
                <span>
                  {trip.destinations
                    .map((d) => [d.city, nameOf(d.country)].filter(Boolean).join(', '))
                    .join(' → ')}
                </span>
                {trip.travellers.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('desk.record.travellers', { count: trip.travellers.length })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

function Cases({ record }: Props) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('desk.record.cases')} data-testid="record-cases">
      {record.cases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.record.noCases')} />
      ) : (
        <List
          size="small"
          dataSource={record.cases}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space wrap size={4}>
                <Link to={CONSOLE_PATHS.case(c.id)}>{c.reference}</Link>
                <span>{t(`cases.type.${c.type}`)}</span>
                <PriorityTag priority={c.priority} />
                <StatusTag status={c.status} />
                <Typography.Text type="secondary">{when(c.createdAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

function Contacts({ record }: Props) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('desk.record.contacts')} data-testid="record-contacts">
      {record.contacts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.record.noContacts')} />
      ) : (
        <List
          size="small"
          dataSource={record.contacts}
          renderItem={(k) => (
            <List.Item key={k.id}>
              <Space direction="vertical" size={0}>
                <Space wrap size={4}>
                  <Tag>{t(`hotline.channel.${k.channel}`)}</Tag>
                  {k.reference && <Tag color="red">{k.reference}</Tag>}
                  {k.priority && <PriorityTag priority={k.priority} />}
                  <Typography.Text type="secondary">{when(k.receivedAt)}</Typography.Text>
                  {k.caseId && <Link to={CONSOLE_PATHS.case(k.caseId)}>{t('hotline.linked')}</Link>}
                </Space>
                <span>{k.summary}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

function Alerts({ record }: Props) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('desk.record.alerts')} data-testid="record-alerts">
      {record.alerts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.record.noAlerts')} />
      ) : (
        <List
          size="small"
          dataSource={record.alerts}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <Space direction="vertical" size={0}>
                <Link to={CONSOLE_PATHS.alert(a.id)}>{a.headline}</Link>
                <Space wrap size={4}>
                  {a.sentAt && <Typography.Text type="secondary">{when(a.sentAt)}</Typography.Text>}
                  {a.answer ? (
                    <Tag color={a.answer === 'need_help' ? 'red' : a.answer === 'safe' ? 'green' : 'default'}>
                      {t(`alerts.answer.${a.answer}`)}
                    </Tag>
                  ) : (
                    <Tag>{t('desk.record.noAnswer')}</Tag>
                  )}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
