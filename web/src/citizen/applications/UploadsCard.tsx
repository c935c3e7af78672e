import { List, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { postForm } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import type { Application } from './types.ts'

/** One line per document the service asks for, with what was uploaded for it. */
export function UploadsCard({
  a,
  editable,
  onSaved,
}: {
  a: Application
  editable: (part: string) => boolean
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<string>()
  const send = async (kind: string, file: File) => {
    setError(undefined)
    const form = new FormData()
    form.append('kind', kind)
    form.append('file', file)
    try {
      await postForm(`/api/v1/me/applications/${a.id}/uploads`, form)
      onSaved()
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  return (
    <>
      <List
        size="small"
        dataSource={a.requiredUploads}
        renderItem={(kind) => {
          const held = a.uploads.filter((u) => u.kind === kind)
          return (
            <List.Item key={kind} data-testid={`upload-${kind}`}>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{t(`applications.uploads.${kind}`)}</Typography.Text>{' '}
                {held.length > 0 && (
                  <Typography.Text type="success">✓ {t('applications.uploaded')}</Typography.Text>
                )}
                {held.map((u) => (
                  <div key={u.id}>
                    <Typography.Text type="secondary">{u.name}</Typography.Text>
                  </div>
                ))}
                {editable(kind) && (
                  <label className="file-button">
                    {t('applications.upload')}
                    <input
                      type="file"
                      accept=".pdf,.jpg,.jpeg,.png,.heic"
                      data-testid={`upload-input-${kind}`}
                      onChange={(e) => {
                        const f = e.target.files?.[0]
                        e.target.value = ''
                        if (f) void send(kind, f)
                      }}
                    />
                  </label>
                )}
              </div>
            </List.Item>
          )
        }}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </>
  )
}
