import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../lib/errors.ts'

/** The API's refusal of a form, in the reader's language, above the buttons (field errors sit on the fields). */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error, t, { withFields: false })}
      style={{ marginBottom: 16 }}
      data-testid="form-error"
    />
  )
}
