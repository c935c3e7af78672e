import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../lib/errors.ts'

export function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="error"
      data-testid="load-error"
      title={errorMessage(error, t)}
      action={
        <Button size="small" onClick={retry}>
          {t('common.retry')}
        </Button>
      }
    />
  )
}
