import { Spin } from 'antd'
import { useTranslation } from 'react-i18next'

/** While the session is checked or a page's code arrives. */
export function PageLoading() {
  const { t } = useTranslation()
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin tip={t('common.loading')} />
    </div>
  )
}
