import type { CaseDetail } from '@server/cases/case/case.schema.ts'
import { Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError, get } from '../../lib/api.ts'
import { useCountries } from '../../lib/countries.ts'
import { currentLocale, localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { CaseSite } from '../enterprises/CaseSite.tsx'
import { AttachmentsCard } from './AttachmentsCard.tsx'
import { CaseActions } from './CaseActions.tsx'
import { AssignToMe, CasePeople, FirstResponse, NextUpdate } from './CaseDesk.tsx'
import { CaseTimeline } from './CaseTimeline.tsx'
import { DetentionCard } from './DetentionCard.tsx'
import { PriorityTag, StatusTag } from './Tags.tsx'

export function CaseDetailPage() {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const id = useParams().id ?? ''
  const { data: c, error, loading, reload } = useLoad(() => get<CaseDetail>(`/api/v1/cases/${id}`), id)
  if (error instanceof ApiError && (error.status === 404 || error.status === 400))
    return (
      <Result
        status="404"
        title={t('cases.notFound')}
        extra={<Link to="/console/cases">{t('cases.title')}</Link>}
        data-testid="case-not-found"
      />
    )
  if (error) return <LoadError error={error} retry={reload} />
  if (loading || !c) return <Skeleton active />
  return (
    <>
      <Link to="/console/cases">← {t('cases.title')}</Link>
      <Typography.Title level={3} data-testid="case-reference">
        {c.reference} · {t(`cases.type.${c.type}`)}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <PriorityTag priority={c.priority} />
        <StatusTag status={c.status} />
        {c.slaBreached && <Tag color="red">{t('cases.slaMissed')}</Tag>}
        {c.needToKnow && <Tag>{t('cases.field.needToKnow')}</Tag>}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('cases.field.summary')}>{c.summary}</Descriptions.Item>
              <Descriptions.Item label={t('cases.field.mission')}>
                <span data-testid="case-mission">
                  {c.mission ? localized(c.mission.name) : t('cases.dutyDesk')}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.field.country')}>
                {c.country ? nameOf(c.country) : '—'}
              </Descriptions.Item>
              {c.siteId && (
                <Descriptions.Item label={t('enterprises.staff.site')}>
                  <CaseSite siteId={c.siteId} />
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('cases.field.people')}>
                <CasePeople c={c} />
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.field.assignee')}>
                <Space wrap size={8}>
                  <span data-testid="case-assignee">{c.assignee?.name ?? '—'}</span>
                  <AssignToMe c={c} onDone={reload} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('desk.case.firstResponse')}>
                <FirstResponse c={c} />
              </Descriptions.Item>
              <Descriptions.Item label={t('desk.case.nextUpdate')}>
                <NextUpdate c={c} />
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.field.opened')}>
                {new Date(c.createdAt).toLocaleString(currentLocale(), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </Descriptions.Item>
            </Descriptions>
            <CaseActions c={c} onDone={reload} />
            {c.type === 'detention' && <DetentionCard c={c} onDone={reload} />}
            <AttachmentsCard caseId={c.id} onChange={reload} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <CaseTimeline entries={c.timeline} summary={c.summary} />
        </Col>
      </Row>
    </>
  )
}
