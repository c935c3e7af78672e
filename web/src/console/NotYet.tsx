import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Section } from './nav.ts'

export function NotYet({ section }: { section: Section }) {
  const { t } = useTranslation()
  return (
    <Result
      status="info"
      data-testid="not-yet"
      title={`${t(`console.nav.${section}`)} — ${t('console.notYet')}`}
      subTitle={t('console.notYetDetail')}
      extra={
        <Link to="/console">
          <Button>{t('console.back')}</Button>
        </Link>
      }
    />
  )
}
