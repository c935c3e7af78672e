import { LEG_MODES, PERSON_STATUSES } from '@server/cases/crisis/crisis.enums.ts'
import type { CrisisDetail } from '@server/cases/crisis/crisis.schema.ts'
import type { Manifest } from '@server/cases/crisis/crisis-manifest.schema.ts'
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { LonLat } from '../../alerts/cap.ts'
import { get, post } from '../../lib/api.ts'
import { useCountries } from '../../lib/countries.ts'
import { errorMessage } from '../../lib/errors.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { CrisisMap } from './CrisisMap.tsx'
import { ManifestTable } from './ManifestTable.tsx'

/** One crisis: who is in the area and their status, assembly points, transport legs. */
export function CrisisPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { nameOf } = useCountries()
  const id = useParams().id ?? ''
  const [filter, setFilter] = useState<string>()
  const [picked, setPicked] = useState<LonLat | null>(null)
  const [pointForm] = Form.useForm()
  const { data, error, loading, reload } = useLoad(
    () =>
      Promise.all([
        get<CrisisDetail>(`/api/v1/crises/${id}`),
        get<Manifest>(`/api/v1/crises/${id}/manifest?limit=1000${filter ? `&status=${filter}` : ''}`),
      ]),
    `${id}-${filter ?? ''}`,
  )
  const send = (url: string) => async (body: Record<string, unknown>) => {
    try {
      await post(url, body)
      reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  if (error) return <LoadError error={error} retry={reload} />
  if (loading || !data) return <Skeleton active />
  const [c, manifest] = data
  return (
    <>
      <Link to="/console/crises">← {t('crises.title')}</Link>
      <Typography.Title level={3} data-testid="crisis-title">
        {c.name} <Tag color={c.status === 'active' ? 'red' : 'default'}>{t(`crises.state.${c.status}`)}</Tag>
      </Typography.Title>
      <Typography.Paragraph type="secondary">{nameOf(c.country)}</Typography.Paragraph>
      <Row gutter={[12, 12]} data-testid="crisis-counts">
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('crises.inArea')} value={manifest.counts.peopleInArea} />
          </Card>
        </Col>
        {PERSON_STATUSES.filter((s) => manifest.counts.byStatus[s]).map((s) => (
          <Col xs={12} md={6} key={s}>
            <Card size="small">
              <Statistic title={t(`crises.status.${s}`)} value={manifest.counts.byStatus[s]} />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ margin: '16px 0' }}>
        <Select
          allowClear
          placeholder={t('crises.filter')}
          style={{ width: 200 }}
          value={filter}
          onChange={setFilter}
          options={PERSON_STATUSES.map((s) => ({ value: s, label: t(`crises.status.${s}`) }))}
        />
        <a href={`/api/v1/crises/${c.id}/manifest.csv`} download>
          {t('crises.exportCsv')}
        </a>
        {c.status === 'active' && (
          <Link to={`/console/alerts/new?crisis=${c.id}`} data-testid="crisis-send-alert">
            {t('crises.sendAlert')}
          </Link>
        )}
        {c.alertIds.length > 0 && (
          <Typography.Text type="secondary" data-testid="crisis-alerts">
            {t('crises.linkedAlerts')}{' '}
            {c.alertIds.map((a, i) => (
              <Link key={a} to={`/console/alerts/${a}`} style={{ marginInlineEnd: 6 }}>
                #{i + 1}
              </Link>
            ))}
          </Typography.Text>
        )}
      </Space>
      <ManifestTable
        crisisId={c.id}
        people={manifest.people}
        points={c.assemblyPoints}
        legs={c.legs}
        onChanged={reload}
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('crises.points')}>
            {c.assemblyPoints.map((p) => (
              <div key={p.id}>
                {p.name} · {t('crises.checkedIn', { n: p.checkedIn })}
              </div>
            ))}
            <CrisisMap
              area={c.area}
              points={c.assemblyPoints}
              picked={picked}
              onPick={
                c.status === 'active'
                  ? (p) => {
                      setPicked(p)
                      pointForm.setFieldsValue({ lon: +p[0].toFixed(5), lat: +p[1].toFixed(5) })
                    }
                  : undefined
              }
            />
            <Typography.Text type="secondary">{t('crises.pointHint')}</Typography.Text>
            <Form
              form={pointForm}
              layout="inline"
              onFinish={async (v: Record<string, unknown>) => {
                await send(`/api/v1/crises/${c.id}/assembly-points`)(v)
                setPicked(null)
                pointForm.resetFields()
              }}
              style={{ marginTop: 8, rowGap: 8 }}
            >
              <Form.Item name="name" rules={[{ required: true, message: t('cases.required') }]}>
                <Input placeholder={t('crises.name')} data-testid="point-name" />
              </Form.Item>
              <Form.Item name="lat" rules={[{ required: true, message: t('cases.required') }]}>
                <InputNumber placeholder="lat" min={-90} max={90} data-testid="point-lat" />
              </Form.Item>
              <Form.Item name="lon" rules={[{ required: true, message: t('cases.required') }]}>
                <InputNumber placeholder="lon" min={-180} max={180} data-testid="point-lon" />
              </Form.Item>
              <Button htmlType="submit" data-testid="point-add">
                {t('crises.add')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('crises.legs')}>
            {c.legs.map((l) => (
              <div key={l.id}>
                {l.name} ({t(`crises.mode.${l.mode}`)}) → {l.destination} · {l.boarded}/{l.capacity}
              </div>
            ))}
            {c.assemblyPoints.length > 0 && (
              <Form
                layout="inline"
                onFinish={(v: { departsAt: string } & Record<string, unknown>) =>
                  send(`/api/v1/crises/${c.id}/legs`)({
                    ...v,
                    departsAt: new Date(v.departsAt).toISOString(),
                  })
                }
                style={{ marginTop: 8, rowGap: 8 }}
              >
                <Form.Item name="name" rules={[{ required: true, message: t('cases.required') }]}>
                  <Input placeholder={t('crises.name')} />
                </Form.Item>
                <Form.Item name="mode" initialValue="bus">
                  <Select
                    style={{ width: 100 }}
                    options={LEG_MODES.map((m) => ({ value: m, label: t(`crises.mode.${m}`) }))}
                  />
                </Form.Item>
                <Form.Item name="fromPointId" initialValue={c.assemblyPoints[0]?.id}>
                  <Select
                    style={{ width: 160 }}
                    options={c.assemblyPoints.map((p) => ({ value: p.id, label: p.name }))}
                  />
                </Form.Item>
                <Form.Item name="destination" rules={[{ required: true, message: t('cases.required') }]}>
                  <Input placeholder={t('crises.destination')} />
                </Form.Item>
                <Form.Item name="departsAt" rules={[{ required: true, message: t('cases.required') }]}>
                  <Input type="datetime-local" />
                </Form.Item>
                <Form.Item name="capacity" rules={[{ required: true, message: t('cases.required') }]}>
                  <InputNumber min={1} placeholder={t('crises.capacity')} />
                </Form.Item>
                <Button htmlType="submit">{t('crises.add')}</Button>
              </Form>
            )}
          </Card>
        </Col>
      </Row>
    </>
  )
}
