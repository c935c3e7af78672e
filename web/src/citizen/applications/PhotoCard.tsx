import { List, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, postForm } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { PhotoEditor } from './PhotoEditor.tsx'
import type { Application } from './types.ts'

type Checks = NonNullable<Application['photo']>['checks']

/** The list of checks with a mark each: the same verdict the server keeps. */
export function PhotoChecks({ checks }: { checks: Checks }) {
  const { t } = useTranslation()
  return (
    <List
      size="small"
      data-testid="photo-checks"
      dataSource={checks}
      renderItem={(c) => (
        <List.Item key={c.code} data-testid={`photo-check-${c.code}`} data-passed={String(c.passed)}>
          <Typography.Text type={c.passed ? 'success' : c.blocking ? 'danger' : 'warning'}>
            {c.passed ? '✓' : '✗'} {t(`applications.checks.${c.code}`)}
          </Typography.Text>
        </List.Item>
      )}
    />
  )
}

/** Upload a photo and get the verdict at once; a refused one shows which checks failed. */
export function PhotoCard({
  id,
  photo,
  disabled,
  onSaved,
}: {
  id: string
  photo: Application['photo']
  disabled: boolean
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [refused, setRefused] = useState<Checks>()
  const [error, setError] = useState<string>()
  const [chosen, setChosen] = useState<File>()
  const send = async (file: File | Blob) => {
    setChosen(undefined)
    setRefused(undefined)
    setError(undefined)
    const form = new FormData()
    form.append('file', file, file instanceof File ? file.name : 'photo.jpg')
    try {
      await postForm(`/api/v1/me/applications/${id}/photo`, form)
      onSaved()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'photo.rejected') setRefused(e.problem.checks as Checks)
      else setError(errorMessage(e, t))
    }
  }
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('applications.photoHint')}</Typography.Paragraph>
      {chosen && (
        <PhotoEditor file={chosen} onUse={(f) => void send(f)} onCancel={() => setChosen(undefined)} />
      )}
      {!disabled && !chosen && (
        <label className="file-button">
          {t('applications.photoChoose')}
          <input
            type="file"
            accept="image/jpeg,image/png"
            data-testid="photo-input"
            onChange={(e) => {
              const f = e.target.files?.[0]
              e.target.value = ''
              if (f) {
                setRefused(undefined)
                setChosen(f)
              }
            }}
          />
        </label>
      )}
      {refused ? (
        <div data-testid="photo-refused">
          <Typography.Text type="danger" strong>
            {t('applications.photoRefused')}
          </Typography.Text>
          <PhotoChecks checks={refused} />
        </div>
      ) : (
        photo && (
          <div data-testid="photo-accepted">
            <Typography.Text type="success" strong>
              {t('applications.photoAccepted')}
            </Typography.Text>
            <PhotoChecks checks={photo.checks} />
          </div>
        )
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </div>
  )
}
