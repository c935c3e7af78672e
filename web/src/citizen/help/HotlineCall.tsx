import { PhoneOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { GLOBAL_HOTLINE } from './help.ts'

/** One tap to the 24-hour global consular protection hotline. */
export function HotlineCall({ block = false }: { block?: boolean }) {
  const { t } = useTranslation()
  return (
    <Button
      href={`tel:${GLOBAL_HOTLINE.tel}`}
      icon={<PhoneOutlined />}
      size="large"
      block={block}
      data-testid="call-12308"
    >
      {t('sos.call12308', { number: GLOBAL_HOTLINE.display })}
    </Button>
  )
}
