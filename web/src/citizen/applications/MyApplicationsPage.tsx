import { Button, Card, Descriptions, Empty, Form, List, Select, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { get, post } from '../../lib/api.ts'
import { formatDate } from '../../lib/dates.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { StatusTag } from './StatusTag.tsx'
import type { ApplicationSummary, Service } from './types.ts'

interface Mission {
  code: string
  name: { 'zh-CN': string; en: string }
}
interface Dependant {
  id: string
  nameLatin: string
  nameZh: string | null
}

/** My applications, and a new one: mission, service (with its fee, days and uploads), for whom. */
export function MyApplicationsPage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const navigate = useNavigate()
  const mine = useLoad(() => get<ApplicationSummary[]>('/api/v1/me/applications'))
  const missions = useLoad(() => get<Mission[]>('/api/v1/missions'))
  const dependants = useLoad(() => get<Dependant[]>('/api/v1/me/dependants').catch(() => []))
  const [mission, setMission] = useState<string>()
  const services = useLoad(
    () => (mission ? get<Service[]>(`/api/v1/missions/${mission}/services`) : Promise.resolve([])),
    mission ?? '',
  )
  const [service, setService] = useState<string>()
  const [forWhom, setForWhom] = useState('self')
  const [error, setError] = useState<string>()
  const chosen = services.data?.find((s) => s.code === service)

  const start = async () => {
    setError(undefined)
    try {
      const created = await post<{ id: string }>('/api/v1/me/applications', {
        service,
        mission,
        ...(forWhom === 'self' ? {} : { dependantId: forWhom }),
      })
      navigate(`/me/applications/${created.id}`)
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }

  return (
    <div className="page narrow-page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('applications.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('applications.intro')}</Typography.Paragraph>
      <Card title={t('applications.new')} size="small" data-testid="new-application">
        <Form layout="vertical">
          <Form.Item label={t('applications.mission')}>
            <Select
              showSearch
              optionFilterProp="label"
              aria-label={t('applications.mission')}
              data-testid="new-mission"
              value={mission}
              onChange={(v) => {
                setMission(v)
                setService(undefined)
              }}
              options={(missions.data ?? []).map((m) => ({ value: m.code, label: m.name[lang] }))}
            />
          </Form.Item>
          <Form.Item label={t('applications.service')}>
            <Select
              aria-label={t('applications.service')}
              data-testid="new-service"
              value={service}
              onChange={setService}
              disabled={!mission}
              options={(services.data ?? []).map((s) => ({
                value: s.code,
                label: t(`applications.services.${s.code}`),
              }))}
            />
          </Form.Item>
          {chosen && (
            <Descriptions
              size="small"
              column={1}
              bordered
              style={{ marginBottom: 16 }}
              data-testid="service-facts"
            >
              <Descriptions.Item label={t('applications.fee')}>
                {chosen.fee.amount.toLocaleString(lang, { style: 'currency', currency: chosen.fee.currency })}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.processing')}>
                {t('applications.days', { count: chosen.processingDays })} ·{' '}
                {chosen.requiresAppointment ? t('applications.appointment') : t('applications.noAppointment')}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.uploadsNeeded')}>
                {chosen.uploads.map((u) => t(`applications.uploads.${u}`)).join('、')}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.collection')}>
                {chosen.collection.map((c) => t(`applications.collections.${c}`)).join(' / ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.eligibility')}>
                {chosen.eligibility[lang]}
              </Descriptions.Item>
            </Descriptions>
          )}
          <Form.Item label={t('applications.forWhom')}>
            <Select
              aria-label={t('applications.forWhom')}
              data-testid="new-for"
              value={forWhom}
              onChange={setForWhom}
              options={[
                { value: 'self', label: t('applications.myself') },
                ...(dependants.data ?? []).map((d) => ({ value: d.id, label: d.nameZh ?? d.nameLatin })),
              ]}
            />
          </Form.Item>
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <div>
            <Button
              type="primary"
              disabled={!mission || !service}
              onClick={start}
              data-testid="start-application"
            >
              {t('applications.start')}
            </Button>
          </div>
        </Form>
      </Card>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('applications.mine')}
      </Typography.Title>
      {mine.error ? (
        <LoadError error={mine.error} retry={mine.reload} />
      ) : mine.loading ? (
        <Skeleton active />
      ) : !mine.data?.length ? (
        <Empty description={t('applications.none')} />
      ) : (
        <List
          data-testid="my-applications"
          dataSource={mine.data}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <Link to={`/me/applications/${a.id}`} data-testid="my-application" style={{ width: '100%' }}>
                <Typography.Text strong>{t(`applications.services.${a.service}`)}</Typography.Text>{' '}
                <StatusTag status={a.status} />
                <br />
                <Typography.Text type="secondary">
                  {a.reference} · {formatDate(a.updatedAt)}
                </Typography.Text>
              </Link>
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
