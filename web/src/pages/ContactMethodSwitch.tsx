import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'

export type ContactMethod = 'email' | 'phone'

/** Sign-up and sign-in work with an e-mail address or a phone number; this picks which. */
export function ContactMethodSwitch({
  value,
  onChange,
}: {
  value: ContactMethod
  onChange: (v: ContactMethod) => void
}) {
  const { t } = useTranslation()
  return (
    <Segmented
      block
      value={value}
      onChange={(v) => onChange(v as ContactMethod)}
      options={[
        { label: t('auth.byEmail'), value: 'email' },
        { label: t('auth.byPhone'), value: 'phone' },
      ]}
      style={{ marginBottom: 16 }}
    />
  )
}
