import { useTranslation } from 'react-i18next'
import { useOnline } from './useOnline.ts'

/** Offline, the pages show what this phone kept from the last visit: say so. */
export function OfflineBanner() {
  const { t } = useTranslation()
  const online = useOnline()
  if (online) return null
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {t('offline.banner')}
    </div>
  )
}
