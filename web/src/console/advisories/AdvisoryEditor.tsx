import type { advisoryDetail, draftResponse } from '@server/advisories/advisories.schema.ts'
import { Alert, Breadcrumb, Card, Result, Skeleton, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { z } from 'zod'
import { LevelTag } from '../../advisories/LevelTag.tsx'
import { ApiError, get } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { AdviceView } from './AdviceTabs.tsx'
import { DraftForm } from './DraftForm.tsx'
import { type DraftDesk, mayEdit } from './desk.ts'
import { VersionHistory } from './VersionHistory.tsx'

type AdvisoryDetail = z.infer<typeof advisoryDetail>
type Draft = z.infer<typeof draftResponse>

async function draftOrNull(country: string): Promise<Draft | null> {
  try {
    return await get<Draft>(`/api/v1/advisories/${country}/draft`)
  } catch (e) {
    if (e instanceof ApiError && e.code === 'advisory.no_draft') return null
    throw e
  }
}

async function loadEditor(country: string) {
  const [detail, desk] = await Promise.all([
    get<AdvisoryDetail>(`/api/v1/advisories/${country}`),
    get<DraftDesk>('/api/v1/advisories/drafts'),
  ])
  const draft = mayEdit(desk, country) ? await draftOrNull(country) : null
  return { detail, desk, draft }
}

export function AdvisoryEditor() {
  const { t, i18n } = useTranslation()
  const { me } = useAuth()
  const country = (useParams().country ?? '').toUpperCase()
  const { data, error, loading, reload } = useLoad(() => loadEditor(country), country)
  const back = <Link to="/console/advisories">{t('advisoriesConsole.editor.back')}</Link>

  if (error instanceof ApiError && error.status === 404)
    return (
      <Result
        status="404"
        title={t('advisoriesConsole.editor.unknownCountry', { country })}
        extra={back}
        data-testid="advisory-unknown"
      />
    )
  if (error) return <LoadError error={error} retry={reload} />
  if (loading && !data) return <Skeleton active />
  if (!data) return null

  const { detail, desk, draft } = data
  const name = localized(detail.name)
  const editable = mayEdit(desk, country)
  const meta = desk.drafts.find((d) => d.country === country)
  const source = draft ?? detail
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: back }, { title: `${name} (${country})` }]} />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="advisory-title">
          {name}
        </Typography.Title>
        <span data-testid="advisory-current-level">
          <LevelTag level={detail.level} />
        </span>
        <Typography.Text type="secondary">
          {detail.updatedAt
            ? t('advisoriesConsole.editor.publishedAt', {
                version: detail.version,
                at: new Date(detail.updatedAt).toLocaleString(i18n.language),
              })
            : t('advisoriesConsole.editor.neverPublished')}
        </Typography.Text>
      </Space>
      {editable && (
        <Alert
          type={draft ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="draft-status"
          title={
            draft
              ? t('advisoriesConsole.editor.draftWaiting', {
                  by: meta?.draftedBy ?? '—',
                  at: new Date(draft.draftedAt).toLocaleString(i18n.language),
                })
              : t('advisoriesConsole.editor.noDraft')
          }
        />
      )}
      {editable ? (
        <DraftForm
          key={draft?.draftedAt ?? `v${detail.version ?? 0}`}
          country={country}
          countryName={name}
          initial={
            source.level === null
              ? { summary: { 'zh-CN': '', en: '' }, advice: {} }
              : { level: source.level, summary: source.summary, advice: source.advice }
          }
          draft={draft}
          mayPublish={!!me?.roles.includes('duty_officer')}
          onChanged={reload}
        />
      ) : (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="advisory-readonly">
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('advisoriesConsole.editor.readOnly', { country: name })}
          />
          <Typography.Paragraph>{localized(detail.summary)}</Typography.Paragraph>
          <AdviceView advice={detail.advice} />
        </Card>
      )}
      <VersionHistory history={detail.history} />
    </>
  )
}
