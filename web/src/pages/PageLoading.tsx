import { useTranslation } from 'react-i18next'

/** While the session is checked or a page's code arrives: plain markup, shown at once. */
export function PageLoading() {
  const { t } = useTranslation()
  return (
    <div className="page-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  )
}
