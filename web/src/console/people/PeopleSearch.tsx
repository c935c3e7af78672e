import type { Country } from '@server/reference/reference.schema.ts'
import { Alert, App, Button, Card, Space, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { errorMessage } from '../../lib/errors.ts'
import type { Localized } from '../../lib/i18n.ts'
import type { SearchResult } from '../../lib/inline-shapes.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { AreaSearchForm } from './AreaSearchForm.tsx'
import { downloadCsv, textParams } from './download.ts'
import { PeopleTable } from './PeopleTable.tsx'
import { CSV_MAX, type PeopleQuery, SHOWN } from './query.ts'
import { TextSearchForm } from './TextSearchForm.tsx'

function run(query: PeopleQuery): Promise<SearchResult> {
  return query.kind === 'area'
    ? post<SearchResult>('/api/v1/people/search', { area: query.area, limit: SHOWN })
    : get<SearchResult>(`/api/v1/people?${textParams(query, 'json')}`)
}

export function PeopleSearch() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me } = useAuth()
  const countries = useLoad(() => get<Country[]>('/api/v1/countries'))
  const names = new Map<string, Localized>((countries.data ?? []).map((c) => [c.code, c.name]))
  const [query, setQuery] = useState<PeopleQuery>()
  const [result, setResult] = useState<SearchResult>()
  const [error, setError] = useState<{ kind: PeopleQuery['kind']; text: string }>()
  const [busy, setBusy] = useState(false)
  const [exporting, setExporting] = useState(false)
  const global = !!me?.roles.includes('duty_officer')

  async function search(next: PeopleQuery) {
    setBusy(true)
    setError(undefined)
    try {
      setResult(await run(next))
      setQuery(next)
    } catch (e) {
      setError({ kind: next.kind, text: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }

  async function exportCsv() {
    if (!query) return
    setExporting(true)
    try {
      await downloadCsv(query)
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setExporting(false)
    }
  }

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="people-title">
        {t('console.nav.people')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {global ? t('peopleConsole.scopeAll') : t('peopleConsole.scopeMissions')}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Tabs
          onChange={() => {
            setResult(undefined)
            setQuery(undefined)
            setError(undefined)
          }}
          items={[
            {
              key: 'text',
              label: <span data-testid="people-tab-text">{t('peopleConsole.tabs.text')}</span>,
              children: (
                <TextSearchForm
                  countries={countries.data ?? []}
                  busy={busy}
                  onSearch={(v) => search({ kind: 'text', ...v })}
                />
              ),
            },
            {
              key: 'area',
              label: <span data-testid="people-tab-area">{t('peopleConsole.tabs.area')}</span>,
              children: (
                <AreaSearchForm
                  busy={busy}
                  serverError={error?.kind === 'area' ? error.text : undefined}
                  onSearch={(area) => search({ kind: 'area', area })}
                />
              ),
            },
          ]}
        />
        {error?.kind === 'text' && <Alert type="error" title={error.text} data-testid="people-error" />}
      </Card>
      {result ? (
        <>
          <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong data-testid="people-count">
              {t('peopleConsole.results.count', { n: result.count })}
              {result.count > result.people.length &&
                ` ${t('peopleConsole.results.shown', { shown: result.people.length })}`}
            </Typography.Text>
            <Button
              onClick={exportCsv}
              loading={exporting}
              disabled={result.count === 0}
              data-testid="people-export"
            >
              {t('peopleConsole.export')}
            </Button>
          </Space>
          {result.count > CSV_MAX && (
            <Alert
              type="warning"
              style={{ marginBottom: 12 }}
              title={t('peopleConsole.results.csvCap', { max: CSV_MAX })}
            />
          )}
          <PeopleTable people={result.people} loading={busy} names={names} />
        </>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="people-start">
          {t('peopleConsole.results.start')}
        </Typography.Paragraph>
      )}
    </>
  )
}
