import { useTranslation } from 'react-i18next'
import { setLocale } from '../lib/i18n.ts'

/** Switches between 中文 and English; a plain button so the shell needs no component library. */
export function LanguageSwitch({ ghost = false }: { ghost?: boolean }) {
  const { t, i18n } = useTranslation()
  const next = i18n.language === 'en' ? 'zh-CN' : 'en'
  return (
    <button
      type="button"
      data-testid="language-switch"
      className={ghost ? 'header-button' : 'header-button solid'}
      title={t('lang.label')}
      lang={next}
      onClick={() => setLocale(next)}
    >
      {t('lang.switch')}
    </button>
  )
}
