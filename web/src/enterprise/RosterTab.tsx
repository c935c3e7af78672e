import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, del, get, post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'
import { sendRaw } from './raw.ts'
import type { Site, StaffMember, TrainingOverview } from './types.ts'

const STATE_COLOR = { valid: 'green', expiring: 'gold', expired: 'red' } as const

/** Training coverage per site and the trainings to renew. */
function Coverage({ overview }: { overview: TrainingOverview | undefined }) {
  const { t } = useTranslation()
  if (!overview) return null
  return (
    <Card
      size="small"
      title={t('enterprises.staff.coverageTitle')}
      style={{ marginBottom: 12 }}
      data-testid="coverage"
    >
      <List
        size="small"
        dataSource={overview.sites}
        renderItem={(s) => (
          <List.Item>
            <Space wrap>
              <span>{s.siteName}</span>
              <Tag color={s.coverage === null ? 'default' : s.coverage >= 90 ? 'green' : 'gold'}>
                {s.coverage === null
                  ? t('enterprises.staff.noRoster')
                  : t('enterprises.staff.coverage', { n: s.coverage })}
              </Tag>
              <span>{t('enterprises.staff.trainedOf', { trained: s.trained, staff: s.staff })}</span>
            </Space>
          </List.Item>
        )}
      />
      {overview.flagged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="training-flagged"
          message={t('enterprises.staff.flaggedTitle', { n: overview.flagged.length })}
          description={overview.flagged
            .slice(0, 10)
            .map(
              (f) => `${f.name} · ${f.course} · ${t(`enterprises.staff.state.${f.state}`)} ${f.validUntil}`,
            )
            .join('；')}
        />
      )}
    </Card>
  )
}

/** The roster of one site: add by hand or import a CSV file, record trainings, remove people. */
export function RosterTab({ enterpriseId, sites }: { enterpriseId: string; sites: Site[] }) {
  const { t } = useTranslation()
  const [siteId, setSiteId] = useState<string>()
  const site = siteId ?? sites[0]?.id
  const base = `/api/v1/enterprises/${enterpriseId}/sites/${site}/staff`
  const roster = useLoad(() => (site ? get<StaffMember[]>(base) : Promise.resolve([])), base)
  const overview = useLoad(
    () => get<TrainingOverview>(`/api/v1/enterprises/${enterpriseId}/training`),
    `${base}#t`,
  )
  const [error, setError] = useState<string>()
  const [rowErrors, setRowErrors] = useState<{ line: number; field?: string; reason: string }[]>([])
  const [imported, setImported] = useState<string>()
  const [training, setTraining] = useState<StaffMember>()
  const [form] = Form.useForm()
  const [trainingForm] = Form.useForm()
  const reload = () => {
    roster.reload()
    overview.reload()
  }
  const run = async (f: () => Promise<unknown>) => {
    setError(undefined)
    setRowErrors([])
    try {
      await f()
      reload()
      return true
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.problem.errors) && e.code === 'enterprise.roster_invalid')
        setRowErrors(e.problem.errors as typeof rowErrors)
      setError(errorMessage(e, t))
      return false
    }
  }
  if (sites.length === 0) return <Typography.Paragraph>{t('enterprises.sites.none')}</Typography.Paragraph>
  return (
    <div data-testid="roster-tab">
      <Coverage overview={overview.data} />
      <Select
        style={{ width: '100%', marginBottom: 12 }}
        value={site}
        onChange={setSiteId}
        data-testid="roster-site"
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
      />
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="roster-error" />
      )}
      {rowErrors.length > 0 && (
        <Alert
          type="error"
          data-testid="roster-row-errors"
          style={{ marginBottom: 8 }}
          message={t('enterprises.staff.importBad')}
          description={rowErrors.map((r) => t('enterprises.staff.lineError', r)).join('\n')}
        />
      )}
      {imported && <Alert type="success" showIcon message={imported} style={{ marginBottom: 8 }} />}
      <Table<StaffMember>
        size="small"
        rowKey="id"
        loading={roster.loading}
        dataSource={roster.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: t('enterprises.staff.none') }}
        data-testid="roster"
        columns={[
          { title: t('enterprises.staff.name'), dataIndex: 'name' },
          { title: t('enterprises.staff.phone'), dataIndex: 'phone' },
          { title: t('enterprises.staff.passport'), dataIndex: 'passportNumber' },
          {
            title: t('enterprises.staff.training'),
            render: (_, p) =>
              p.trainingState ? (
                <Tag color={STATE_COLOR[p.trainingState]}>
                  {t(`enterprises.staff.state.${p.trainingState}`)}
                </Tag>
              ) : (
                <Tag>{t('enterprises.staff.untrained')}</Tag>
              ),
          },
          {
            title: '',
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => setTraining(p)} data-testid="training-open">
                  {t('enterprises.staff.addTraining')}
                </Button>
                <Popconfirm
                  title={t('enterprises.staff.removeConfirm')}
                  onConfirm={() => run(() => del(`${base}/${p.id}`))}
                >
                  <Button size="small" danger>
                    {t('enterprises.staff.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {training && (
        <Card
          size="small"
          title={`${t('enterprises.staff.addTraining')}: ${training.name}`}
          style={{ marginTop: 12 }}
        >
          <Form
            form={trainingForm}
            layout="vertical"
            onFinish={async (v) => {
              if (await run(() => post(`${base}/${training.id}/trainings`, v))) {
                setTraining(undefined)
                trainingForm.resetFields()
              }
            }}
          >
            <Form.Item name="course" label={t('enterprises.staff.course')} rules={[{ required: true }]}>
              <Input data-testid="training-course" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="takenOn" label={t('enterprises.staff.takenOn')} rules={[{ required: true }]}>
                <Input type="date" data-testid="training-taken" />
              </Form.Item>
              <Form.Item
                name="validUntil"
                label={t('enterprises.staff.validUntil')}
                rules={[{ required: true }]}
              >
                <Input type="date" data-testid="training-until" />
              </Form.Item>
            </Space>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="training-save">
                {t('enterprises.staff.save')}
              </Button>
              <Button onClick={() => setTraining(undefined)}>{t('enterprises.sites.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('enterprises.staff.add')} style={{ marginTop: 12 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            const body = { ...v, passportNumber: v.passportNumber || null }
            if (await run(() => post(base, body))) form.resetFields()
          }}
        >
          <Form.Item name="name" label={t('enterprises.staff.name')} rules={[{ required: true }]}>
            <Input data-testid="staff-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('enterprises.staff.phone')} rules={[{ required: true }]}>
            <Input placeholder="+8613800138000" data-testid="staff-phone" />
          </Form.Item>
          <Form.Item
            name="passportNumber"
            label={t('enterprises.staff.passport')}
            extra={t('enterprises.staff.sealed')}
          >
            <Input data-testid="staff-passport" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="staff-add">
            {t('enterprises.staff.add')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('enterprises.staff.import')} style={{ marginTop: 12 }}>
        <Typography.Paragraph type="secondary">{t('enterprises.staff.importHelp')}</Typography.Paragraph>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="roster-file"
          onChange={async (e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (!file) return
            setImported(undefined)
            await run(async () => {
              const r = await sendRaw<{ imported: number; created: number; updated: number }>(
                'POST',
                `${base}/import`,
                await file.text(),
                'text/csv',
              )
              setImported(t('enterprises.staff.imported', r))
            })
          }}
        />
      </Card>
    </div>
  )
}
