import type { CaseDetail } from '@server/cases/case/case.schema.ts'
import { App, Button, Card, Descriptions, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { put } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'

const local = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 16) : '')

/** Arrest, notification, facility, charges and lawyer of a detention case; visits are timeline events. */
export function DetentionCard({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [editing, setEditing] = useState(!c.detention)
  const [busy, setBusy] = useState(false)
  const d = c.detention
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }) : '—'
  const save = async (v: {
    arrestedAt: string
    authorityNotifiedAt?: string
    facility: string
    charges: string
    lawyer?: string
  }) => {
    setBusy(true)
    try {
      await put(`/api/v1/cases/${c.id}/detention`, {
        arrestedAt: new Date(v.arrestedAt).toISOString(),
        authorityNotifiedAt: v.authorityNotifiedAt ? new Date(v.authorityNotifiedAt).toISOString() : null,
        facility: v.facility,
        charges: v.charges,
        lawyer: v.lawyer?.trim() || null,
      })
      setEditing(false)
      onDone()
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  const required = [{ required: true, message: t('cases.required') }]
  return (
    <Card
      size="small"
      title={t('cases.detention.title')}
      extra={
        d &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('cases.edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <Form
          layout="vertical"
          onFinish={save}
          data-testid="detention-form"
          initialValues={{
            arrestedAt: local(d?.arrestedAt),
            authorityNotifiedAt: local(d?.authorityNotifiedAt),
            facility: d?.facility,
            charges: d?.charges,
            lawyer: d?.lawyer ?? '',
          }}
        >
          <Form.Item name="arrestedAt" label={t('cases.detention.arrestedAt')} rules={required}>
            <Input type="datetime-local" data-testid="detention-arrested" />
          </Form.Item>
          <Form.Item name="authorityNotifiedAt" label={t('cases.detention.notifiedAt')}>
            <Input type="datetime-local" data-testid="detention-notified" />
          </Form.Item>
          <Form.Item name="facility" label={t('cases.detention.facility')} rules={required}>
            <Input data-testid="detention-facility" />
          </Form.Item>
          <Form.Item name="charges" label={t('cases.detention.charges')} rules={required}>
            <Input.TextArea rows={2} data-testid="detention-charges" />
          </Form.Item>
          <Form.Item name="lawyer" label={t('cases.detention.lawyer')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="detention-save">
            {t('common.save')}
          </Button>
        </Form>
      ) : (
        d && (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('cases.detention.arrestedAt')}>
              {when(d.arrestedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detention.notifiedAt')}>
              {when(d.authorityNotifiedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detention.facility')}>{d.facility}</Descriptions.Item>
            <Descriptions.Item label={t('cases.detention.charges')}>{d.charges}</Descriptions.Item>
            <Descriptions.Item label={t('cases.detention.lawyer')}>{d.lawyer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cases.detention.nextVisit')}>
              <span data-testid="next-visit" style={{ color: c.visitOverdue ? '#c62828' : undefined }}>
                {c.nextVisitDue ? when(c.nextVisitDue) : '—'}{' '}
                {c.visitOverdue ? `(${t('cases.visitOverdue')})` : ''}
              </span>
            </Descriptions.Item>
          </Descriptions>
        )
      )}
    </Card>
  )
}
