import { TRANSITIONS } from '@server/applications/application-status.ts'
import { CORRECTABLE } from '@server/applications/applications.enums.ts'
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PhotoChecks } from '../../citizen/applications/PhotoCard.tsx'
import { StatusTag } from '../../citizen/applications/StatusTag.tsx'
import { Timeline } from '../../citizen/applications/Timeline.tsx'
import type { Application } from '../../citizen/applications/types.ts'
import { get, post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

const SIMPLE = [
  ['accept', 'accepted'],
  ['approve', 'approved'],
  ['ready', 'ready'],
  ['collect', 'collected'],
  ['post', 'posted'],
] as const

type Dialog = { kind: 'return' | 'refuse' | 'note' | 'payment' } | undefined

/** One application for review: the form, MRZ comparison, photo checks, uploads, timeline and the moves. */
export function ReviewPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { me } = useAuth()
  const lang = currentLocale()
  const { data, error, loading, reload } = useLoad(() => get<Application>(`/api/v1/applications/${id}`), id)
  const [actionError, setActionError] = useState<string>()
  const [dialog, setDialog] = useState<Dialog>()
  const [reason, setReason] = useState('')
  const [corrections, setCorrections] = useState<{ field: string; message: string }[]>([
    { field: '', message: '' },
  ])
  if (error) return <LoadError error={error} retry={reload} />
  if (loading || !data) return <Skeleton active />
  const a = data
  const can = (to: string) => (TRANSITIONS[a.status] as readonly string[]).includes(to)
  const act = async (url: string, body?: object) => {
    setActionError(undefined)
    try {
      await post(url, body)
      setDialog(undefined)
      setReason('')
      setCorrections([{ field: '', message: '' }])
      reload()
    } catch (e) {
      setActionError(errorMessage(e, t))
    }
  }
  const event = (body: object) => act(`/api/v1/applications/${a.id}/events`, body)
  const f = a.form
  const fields: [string, string | null][] = [
    ['surname', f.surname],
    ['givenNames', f.givenNames],
    ['nameZh', f.nameZh],
    ['sex', f.sex ? t(`applications.sex.${f.sex}`) : null],
    ['dateOfBirth', f.dateOfBirth],
    ['birthPlace', f.birthPlace],
    ['phone', f.phone],
    ['addressAbroad', f.addressAbroad],
    ['addressChina', f.addressChina],
    ['reason', f.reason ? t(`applications.reasons.${f.reason}`) : null],
    ['currentPassport_number', f.currentPassport?.number ?? null],
    ['currentPassport_expiryDate', f.currentPassport?.expiryDate ?? null],
  ]
  const partName = (p: string) =>
    t(`applications.fields.${p}`, { defaultValue: '' }) || t(`applications.uploads.${p}`, { defaultValue: p })
  return (
    <div data-testid="review-page">
      <Link to="/console/services">← {t('review.queue')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {a.reference} · {t(`applications.services.${a.service}`)} <StatusTag status={a.status} />
      </Typography.Title>
      {actionError && (
        <Alert
          type="error"
          showIcon
          message={actionError}
          style={{ marginBottom: 12 }}
          data-testid="action-error"
        />
      )}
      {a.invalidatedDocument && (
        <Alert
          type={a.invalidatedDocument.ownReport ? 'warning' : 'error'}
          showIcon
          data-testid="register-hit"
          style={{ marginBottom: 12 }}
          message={t('production.register.hit', {
            date: new Date(a.invalidatedDocument.since).toLocaleDateString(lang),
            reason: t(`production.register.reasons.${a.invalidatedDocument.reason}`),
          })}
          description={a.invalidatedDocument.ownReport ? t('production.register.ownReport') : undefined}
        />
      )}
      {a.approval?.required === 2 && a.status === 'accepted' && (
        <Alert
          type="info"
          showIcon
          data-testid="second-approver"
          style={{ marginBottom: 12 }}
          message={
            a.approval.firstApprovedAt
              ? a.approval.firstApproverId === me?.id
                ? t('production.approval.waitingOther', {
                    date: new Date(a.approval.firstApprovedAt).toLocaleString(lang),
                  })
                : t('production.approval.secondNeeded', {
                    date: new Date(a.approval.firstApprovedAt).toLocaleString(lang),
                  })
              : t('production.approval.twoNeeded')
          }
        />
      )}
      {a.filesPurgedAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="files-purged"
          message={t('production.purged', { date: new Date(a.filesPurgedAt).toLocaleDateString(lang) })}
        />
      )}
      <Card size="small" title={t('review.actions')} style={{ marginBottom: 16 }}>
        <Space wrap>
          {SIMPLE.filter(([, to]) => can(to)).map(([action]) => (
            <Button
              key={action}
              type="primary"
              onClick={() => event({ action })}
              data-testid={`action-${action}`}
            >
              {t(`review.${action}`)}
            </Button>
          ))}
          {can('in_production') && (
            <Button
              type="primary"
              onClick={() => act(`/api/v1/applications/${a.id}/production`)}
              data-testid="action-production"
            >
              {t('review.production')}
            </Button>
          )}
          {can('returned') && (
            <Button onClick={() => setDialog({ kind: 'return' })} data-testid="action-return">
              {t('review.return')}
            </Button>
          )}
          {can('refused') && (
            <Button danger onClick={() => setDialog({ kind: 'refuse' })} data-testid="action-refuse">
              {t('review.refuse')}
            </Button>
          )}
          {!a.fee.paid && !['draft', 'refused', 'withdrawn'].includes(a.status) && (
            <Button onClick={() => setDialog({ kind: 'payment' })} data-testid="action-payment">
              {t('review.payment')}
            </Button>
          )}
          <Button onClick={() => setDialog({ kind: 'note' })} data-testid="action-note">
            {t('review.note')}
          </Button>
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('review.form')}>
            <Descriptions size="small" column={1} bordered>
              {fields.map(([k, v]) => (
                <Descriptions.Item key={k} label={t(`applications.fields.${k}`)}>
                  {v ?? '—'}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('review.fee')}>
                {a.fee.amount.toLocaleString(lang, { style: 'currency', currency: a.fee.currency })} ·{' '}
                {a.fee.paid ? t('applications.paid') : t('applications.unpaid')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('review.mrz')} style={{ marginTop: 16 }} data-testid="review-mrz">
            {!f.mrz ? (
              <Typography.Text type="secondary">{t('review.noMrz')}</Typography.Text>
            ) : a.mrzMismatches.length === 0 ? (
              <Typography.Text type="success">✓ {t('review.mrzOk')}</Typography.Text>
            ) : (
              a.mrzMismatches.map((m) => (
                <Alert
                  key={m.field}
                  type="warning"
                  message={`${partName(m.field.replace('.', '_'))}: ${m.typed} ≠ ${m.mrz}`}
                  style={{ marginTop: 4 }}
                />
              ))
            )}
          </Card>
          <Card size="small" title={t('review.uploads')} style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={a.uploads}
              renderItem={(u) => (
                <List.Item key={u.id}>
                  {t(`applications.uploads.${u.kind}`)} · {u.name} ({Math.max(1, Math.round(u.size / 1024))}{' '}
                  KB)
                </List.Item>
              )}
            />
            <Typography.Text type={a.signature ? 'success' : 'danger'}>
              {a.signature ? '✓' : '✗'} {t('applications.fields.signature')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('review.photoChecks')} style={{ marginBottom: 16 }}>
            {a.photo ? (
              <>
                <img
                  src={`/api/v1/applications/${a.id}/photo`}
                  alt={t('applications.fields.photo')}
                  data-testid="review-photo"
                  style={{ display: 'block', width: 180, border: '1px solid #eee', marginBottom: 8 }}
                />
                <PhotoChecks checks={a.photo.checks} />
              </>
            ) : (
              '—'
            )}
          </Card>
          <Card size="small" title={t('applications.timeline')}>
            <Timeline entries={a.timeline} />
          </Card>
        </Col>
      </Row>
      <Modal
        open={dialog !== undefined}
        onCancel={() => setDialog(undefined)}
        title={dialog ? t(`review.${dialog.kind}`) : ''}
        okButtonProps={{ 'data-testid': 'dialog-ok' } as Record<string, string>}
        onOk={() => {
          if (dialog?.kind === 'payment')
            return act(`/api/v1/applications/${a.id}/payment`, { receipt: reason })
          if (dialog?.kind === 'note') return event({ action: 'note', reason })
          if (dialog?.kind === 'refuse') return event({ action: 'refuse', reason })
          return event({
            action: 'return',
            reason,
            corrections: corrections.filter((c) => c.field && c.message),
          })
        }}
      >
        <Input.TextArea
          rows={dialog?.kind === 'payment' ? 1 : 3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={
            dialog?.kind === 'payment'
              ? t('review.receipt')
              : dialog?.kind === 'note'
                ? t('review.noteText')
                : t('review.reason')
          }
          data-testid="dialog-reason"
        />
        {dialog?.kind === 'return' && (
          <div style={{ marginTop: 12 }}>
            {corrections.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Space key={i} direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
                <Select
                  style={{ width: '100%' }}
                  placeholder={t('review.correctionField')}
                  value={c.field || undefined}
                  data-testid="correction-field"
                  onChange={(v) =>
                    setCorrections(corrections.map((x, j) => (j === i ? { ...x, field: v } : x)))
                  }
                  options={CORRECTABLE.map((k) => ({ value: k, label: partName(k) }))}
                />
                <Input
                  placeholder={t('review.correctionMessage')}
                  value={c.message}
                  data-testid="correction-message"
                  onChange={(e) =>
                    setCorrections(
                      corrections.map((x, j) => (j === i ? { ...x, message: e.target.value } : x)),
                    )
                  }
                />
              </Space>
            ))}
            <Button size="small" onClick={() => setCorrections([...corrections, { field: '', message: '' }])}>
              {t('review.addCorrection')}
            </Button>
          </div>
        )}
      </Modal>
    </div>
  )
}
