import { Alert, Button, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { post } from '../../lib/api.ts'
import i18n from '../../lib/i18n.ts'
import type { AlertDetail } from './alert.ts'
import { cancelBody, LANGS, type Lang } from './capBody.ts'
import { composerErrors } from './errors.ts'

/** Drafts the CAP Cancel of a sent alert (same area and people); it is sent from its own page. */
export function CancelButton({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const initial = Object.fromEntries(
    LANGS.map((l) => [l, i18n.getFixedT(l)('alertsConsole.cancel.defaultText')]),
  ) as Record<Lang, string>

  async function draft(text: Record<Lang, string>) {
    setBusy(true)
    setError(undefined)
    try {
      const ref = { sender: alert.sender, identifier: alert.identifier, sent: alert.sent }
      const created = await post<AlertDetail>('/api/v1/alerts', cancelBody(alert.cap, ref, text))
      navigate(`/console/alerts/${created.id}`)
    } catch (e) {
      const split = composerErrors(e, t)
      setError(split.area ?? split.message ?? t('errors.generic'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="cancel-alert">
        {t('alertsConsole.cancel.button')}
      </Button>
      <Modal
        open={open}
        title={t('alertsConsole.cancel.title')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('alertsConsole.cancel.explain')}</Typography.Paragraph>
        <Form layout="vertical" initialValues={initial} onFinish={draft}>
          {LANGS.map((l) => (
            <Form.Item
              key={l}
              name={l}
              label={t(`alertsConsole.lang.${l}`)}
              rules={[{ required: true, whitespace: true, message: t('alertsConsole.errors.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          ))}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" danger htmlType="submit" loading={busy} data-testid="cancel-draft">
            {t('alertsConsole.cancel.draft')}
          </Button>
        </Form>
      </Modal>
    </>
  )
}
