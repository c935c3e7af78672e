import type { Board, Stats } from '@server/cases/case/board.schema.ts'
import { Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { get } from '../../lib/api.ts'
import { localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

/** The counts every row of the board carries. */
type Counts = Pick<Board, 'open' | 'slaBreached' | 'visitsOverdue'>

/** Open cases by mission, type, priority and age, SLA misses, and the year's totals as reported. */
export function BoardPage() {
  const { t } = useTranslation()
  const { data, error, loading, reload } = useLoad(() =>
    Promise.all([get<Board>('/api/v1/cases/board'), get<Stats>('/api/v1/cases/stats')]),
  )
  if (error) return <LoadError error={error} retry={reload} />
  if (loading || !data) return <Skeleton active />
  const [board, stats] = data
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('board.title')}
      </Typography.Title>
      <Row gutter={[16, 16]} data-testid="board-totals">
        {(
          [
            ['board.open', board.open],
            ['cases.slaMissed', board.slaBreached],
            ['cases.visitOverdue', board.visitsOverdue],
            ['board.contactsYear', stats.contactsReceived],
            ['board.handledYear', stats.casesHandled],
            ['board.rescuedYear', stats.peopleRescued],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} md={8} lg={4} key={key}>
            <Card size="small">
              <Statistic title={t(key, { year: stats.year })} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Breakdown
          title={t('board.byMission')}
          label={t('cases.field.mission')}
          rows={board.byMission.map((r) => ({
            ...r,
            key: r.mission?.code ?? 'desk',
            name: r.mission ? localized(r.mission.name) : t('cases.dutyDesk'),
          }))}
        />
        <Breakdown
          title={t('board.byType')}
          label={t('cases.field.type')}
          rows={board.byType.map((r) => ({ ...r, key: r.type, name: t(`cases.type.${r.type}`) }))}
        />
        <Breakdown
          title={t('board.byPriority')}
          label={t('cases.field.priority')}
          rows={board.byPriority.map((r) => ({ ...r, key: r.priority, name: r.priority }))}
        />
        <Breakdown
          title={t('board.byAge')}
          label={t('board.age')}
          rows={board.byAge.map((r) => ({ ...r, key: r.bucket, name: t(`board.bucket.${r.bucket}`) }))}
        />
      </Row>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <a href="/api/v1/cases/export.csv" download>
          {t('board.export')}
        </a>
      </Typography.Paragraph>
    </>
  )
}

/** One breakdown of the open cases: a row per mission, type, priority or age. */
function Breakdown({
  title,
  label,
  rows,
}: {
  title: string
  label: string
  rows: Array<Counts & { key: string; name: string }>
}) {
  const { t } = useTranslation()
  return (
    <Col xs={24} lg={12}>
      <Card size="small" title={title}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: label, dataIndex: 'name' },
            { title: t('board.open'), dataIndex: 'open' },
            { title: t('cases.slaMissed'), dataIndex: 'slaBreached' },
            { title: t('cases.visitOverdue'), dataIndex: 'visitsOverdue' },
          ]}
        />
      </Card>
    </Col>
  )
}
