import { Alert, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError, get, post } from '../../lib/api.ts'
import { formatDate } from '../../lib/dates.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { AppointmentPrompt } from '../appointments/AppointmentPrompt.tsx'
import { DetailsForm } from './DetailsForm.tsx'
import { MrzCard } from './MrzCard.tsx'
import { PhotoCard } from './PhotoCard.tsx'
import { SignatureCard } from './SignatureCard.tsx'
import { StatusTag } from './StatusTag.tsx'
import { Timeline } from './Timeline.tsx'
import type { Application } from './types.ts'
import { UploadsCard } from './UploadsCard.tsx'

/** One application: its status and progress, and while a draft or returned, the form in steps. */
export function ApplicationPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const lang = currentLocale()
  const { data, error, loading, reload } = useLoad(
    () => get<Application>(`/api/v1/me/applications/${id}`),
    id,
  )
  const [fresh, setFresh] = useState<Application>()
  const [missing, setMissing] = useState<string[]>()
  const [submitError, setSubmitError] = useState<string>()
  const [payError, setPayError] = useState<string>()
  const a = fresh && fresh.id === data?.id && fresh.updatedAt >= data.updatedAt ? fresh : data
  if (error) return <LoadError error={error} retry={reload} />
  if (loading && !a) return <Skeleton active />
  if (!a) return null
  const refresh = () => {
    setFresh(undefined)
    reload()
  }
  const flagged = new Set<string>(a.corrections.map((c) => c.field))
  const editable = (part: string) => a.status === 'draft' || (a.status === 'returned' && flagged.has(part))
  const open = a.status === 'draft' || a.status === 'returned'
  const submit = async () => {
    setMissing(undefined)
    setSubmitError(undefined)
    try {
      await post(`/api/v1/me/applications/${a.id}/submit`)
      refresh()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'application.incomplete')
        setMissing(e.problem.missing as string[])
      else setSubmitError(errorMessage(e, t))
    }
  }
  const payOnline = async () => {
    setPayError(undefined)
    try {
      const { redirectUrl } = await post<{ redirectUrl: string }>(`/api/v1/me/applications/${a.id}/payments`)
      window.location.assign(redirectUrl)
    } catch (e) {
      setPayError(errorMessage(e, t))
    }
  }
  const partName = (p: string) =>
    t(`applications.fields.${p}`, { defaultValue: '' }) || t(`applications.uploads.${p}`, { defaultValue: p })
  return (
    <div className="page narrow-page" data-testid="application-page">
      <Link to="/me/applications">← {t('applications.back')}</Link>
      <Typography.Title level={1} style={{ marginTop: 8 }}>
        {t(`applications.services.${a.service}`)}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('applications.reference')}>
          <Typography.Text copyable data-testid="application-reference">
            {a.reference}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.status')}>
          <StatusTag status={a.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.fee')}>
          {a.fee.amount.toLocaleString(lang, { style: 'currency', currency: a.fee.currency })} ·{' '}
          {a.fee.paid ? t('applications.paid') : t('applications.unpaid')}
        </Descriptions.Item>
      </Descriptions>
      {!a.fee.paid && !['draft', 'withdrawn', 'refused'].includes(a.status) && (
        <div style={{ marginTop: 12 }} data-testid="pay">
          {a.fee.online ? (
            <Button type="primary" onClick={() => void payOnline()} data-testid="pay-online">
              {t('production.pay.online')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('production.pay.counter')}</Typography.Text>
          )}
          {payError && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {payError}
            </Typography.Text>
          )}
        </div>
      )}
      {a.filesPurgedAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="files-purged"
          message={t('production.purged', { date: formatDate(a.filesPurgedAt) })}
        />
      )}
      <AppointmentPrompt application={a} />
      {a.status !== 'draft' && (
        <a
          href={`/api/v1/me/applications/${a.id}/receipt.pdf`}
          data-testid="receipt-link"
          style={{ display: 'inline-block', marginTop: 12 }}
        >
          {t('applications.receipt')}
        </a>
      )}
      {a.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="corrections"
          message={t('applications.corrections')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {a.corrections.map((c) => (
                <li key={c.field}>
                  <strong>{partName(c.field)}</strong>: {c.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {open && (
        <Space direction="vertical" size={16} style={{ width: '100%', marginTop: 16 }}>
          <Card size="small" title={t('applications.steps.details')}>
            <DetailsForm key={`${a.id}-${a.status}`} a={a} onSaved={setFresh} />
          </Card>
          {a.service === 'passport_renewal' && (
            <Card size="small" title={t('applications.steps.mrz')}>
              <MrzCard a={a} disabled={!editable('mrz')} onSaved={setFresh} />
            </Card>
          )}
          <Card size="small" title={t('applications.steps.photo')}>
            <PhotoCard id={a.id} photo={a.photo} disabled={!editable('photo')} onSaved={refresh} />
          </Card>
          <Card size="small" title={t('applications.steps.signature')}>
            <SignatureCard
              id={a.id}
              signed={a.signature}
              signer={a.signer}
              disabled={!editable('signature')}
              onSaved={refresh}
            />
          </Card>
          <Card size="small" title={t('applications.steps.uploads')}>
            <UploadsCard a={a} editable={editable} onSaved={refresh} />
          </Card>
          <Card size="small" title={t('applications.steps.submit')}>
            {missing && (
              <Alert
                type="error"
                showIcon
                data-testid="missing"
                message={t('applications.missing')}
                description={missing.map(partName).join('、')}
                style={{ marginBottom: 12 }}
              />
            )}
            {submitError && (
              <Alert type="error" showIcon message={submitError} style={{ marginBottom: 12 }} />
            )}
            <Button type="primary" size="large" block onClick={submit} data-testid="submit-application">
              {t('applications.submit')}
            </Button>
          </Card>
        </Space>
      )}
      {(a.status === 'submitted' || a.status === 'returned') && (
        <Button
          danger
          style={{ marginTop: 16 }}
          onClick={async () => {
            await post(`/api/v1/me/applications/${a.id}/withdraw`)
            refresh()
          }}
        >
          {t('applications.withdraw')}
        </Button>
      )}
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('applications.timeline')}
      </Typography.Title>
      <Timeline entries={a.timeline} />
    </div>
  )
}
