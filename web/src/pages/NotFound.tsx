import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { LinkButton } from '../lib/LinkButton.tsx'

export function NotFound() {
  const { t } = useTranslation()
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('errors.notFound')}</h1>}
      subTitle={t('errors.notFoundText')}
      extra={
        <LinkButton to="/" type="primary">
          {t('errors.goHome')}
        </LinkButton>
      }
    />
  )
}
