import { Alert, App, Button, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { levelName } from '../../advisories/levels.ts'
import { post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'

/** Publishing notifies people, so it asks first and says so. */
export function PublishButton(props: {
  country: string
  countryName: string
  level: number
  disabled: boolean
  onPublished: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  async function publish() {
    setBusy(true)
    setError(undefined)
    try {
      const r = await post<{ notified: number; version: number }>(
        `/api/v1/advisories/${props.country}/publish`,
      )
      message.success(t('advisoriesConsole.publish.done', { version: r.version, n: r.notified }))
      setOpen(false)
      props.onPublished()
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button
        danger
        type="primary"
        disabled={props.disabled}
        onClick={() => setOpen(true)}
        data-testid="publish"
      >
        {t('advisoriesConsole.publish.button')}
      </Button>
      <Modal
        open={open}
        title={t('advisoriesConsole.publish.title', { country: props.countryName })}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="ok"
            danger
            type="primary"
            loading={busy}
            onClick={publish}
            data-testid="publish-confirm"
          >
            {t('advisoriesConsole.publish.confirm')}
          </Button>,
        ]}
      >
        <Typography.Paragraph data-testid="publish-warning">
          {t('advisoriesConsole.publish.warning', {
            country: props.countryName,
            level: props.level,
            name: levelName(props.level, currentLocale()),
          })}
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} data-testid="publish-error" />}
      </Modal>
    </>
  )
}
