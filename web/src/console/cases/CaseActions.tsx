import type { CaseDetail } from '@server/cases/case/case.schema.ts'
import { type CaseStatus, TRANSITIONS } from '@server/cases/case/case-status.ts'
import { App, Button, Card, Input, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'

/** What staff do to a case: move its status (with a reason where needed), add a note, log a visit. */
export function CaseActions({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [to, setTo] = useState<CaseStatus>()
  const [note, setNote] = useState('')
  const [visitAt, setVisitAt] = useState('')
  const [busy, setBusy] = useState(false)
  const move = TRANSITIONS[c.status].find((m) => m.to === to)
  const send = async (body: Record<string, unknown>) => {
    setBusy(true)
    try {
      await post(`/api/v1/cases/${c.id}/events`, body)
      setNote('')
      setTo(undefined)
      onDone()
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card size="small" title={t('cases.actions')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('cases.notePlaceholder')}
          data-testid="case-note"
        />
        <Space wrap>
          <Button
            disabled={!note.trim()}
            loading={busy}
            onClick={() => send({ kind: 'note', note: note.trim() })}
            data-testid="add-note"
          >
            {t('cases.addNote')}
          </Button>
          <Select<CaseStatus>
            placeholder={t('cases.moveTo')}
            style={{ width: 200 }}
            value={to}
            onChange={setTo}
            data-testid="status-select"
            options={TRANSITIONS[c.status].map((m) => ({ value: m.to, label: t(`cases.status.${m.to}`) }))}
          />
          <Button
            type="primary"
            disabled={!to || (move?.reason && !note.trim())}
            loading={busy}
            onClick={() =>
              send({
                kind: 'status',
                status: to,
                ...(note.trim() ? (move?.reason ? { reason: note.trim() } : { note: note.trim() }) : {}),
              })
            }
            data-testid="status-apply"
          >
            {t('cases.apply')}
          </Button>
        </Space>
        {move?.reason && <span style={{ color: '#a33' }}>{t('cases.reasonNeeded')}</span>}
        {c.type === 'detention' && (
          <Space wrap>
            <Input
              type="datetime-local"
              value={visitAt}
              onChange={(e) => setVisitAt(e.target.value)}
              style={{ width: 220 }}
              data-testid="visit-at"
            />
            <Button
              disabled={!visitAt || !note.trim()}
              loading={busy}
              onClick={() => send({ kind: 'visit', at: new Date(visitAt).toISOString(), note: note.trim() })}
              data-testid="log-visit"
            >
              {t('cases.logVisit')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  )
}
