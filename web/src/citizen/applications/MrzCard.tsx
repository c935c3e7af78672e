import { Alert, Button, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import type { Application } from './types.ts'

/** The two MRZ lines of the current passport, compared with what was typed; each mismatch named. */
export function MrzCard({
  a,
  disabled,
  onSaved,
}: {
  a: Application
  disabled: boolean
  onSaved: (next: Application) => void
}) {
  const { t } = useTranslation()
  const [mrz, setMrz] = useState('')
  const [error, setError] = useState<string>()
  const save = async () => {
    setError(undefined)
    try {
      onSaved(await api<Application>('PATCH', `/api/v1/me/applications/${a.id}`, { mrz }))
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  const invalid = a.mrzMismatches.some((m) => m.field === 'mrz')
  const fields = a.mrzMismatches.filter((m) => m.field !== 'mrz')
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('applications.mrzHint')}</Typography.Paragraph>
      {!disabled && (
        <>
          <Input.TextArea
            rows={2}
            value={mrz}
            onChange={(e) => setMrz(e.target.value)}
            className="mrz-input"
            data-testid="mrz-input"
            placeholder={'P<CHNZHANG<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nE12345678…'}
          />
          <Button onClick={save} disabled={!mrz.trim()} style={{ marginTop: 8 }} data-testid="mrz-save">
            {t('applications.mrzCheck')}
          </Button>
        </>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {a.form.mrz && (
        <div style={{ marginTop: 8 }} data-testid="mrz-result">
          {invalid && <Alert type="error" showIcon message={t('applications.mrzInvalid')} />}
          {fields.length === 0 && !invalid ? (
            <Typography.Text type="success" data-testid="mrz-all-match">
              ✓ {t('applications.mrzAllMatch')}
            </Typography.Text>
          ) : (
            fields.map((m) => (
              <Alert
                key={m.field}
                type="warning"
                showIcon
                data-testid="mrz-mismatch"
                message={`${t(`applications.fields.${m.field.replace('.', '_')}`)}: ${m.typed} ≠ ${m.mrz}`}
                style={{ marginTop: 4 }}
              />
            ))
          )}
        </div>
      )}
    </div>
  )
}
