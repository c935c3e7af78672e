import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { setLocale } from '../lib/i18n.ts'

export function LanguageSwitch({ ghost = false }: { ghost?: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <Button
      data-testid="language-switch"
      size="small"
      ghost={ghost}
      aria-label={t('lang.label')}
      onClick={() => setLocale(i18n.language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switch')}
    </Button>
  )
}
