import type { Me } from '@server/identity/auth.schema.ts'
import { Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useAuth } from '../lib/auth.tsx'
import { isStaff } from '../lib/types.ts'
import { AccountButton } from './AccountButton.tsx'

/** The signed-in person's menu in the header (its code loads only for someone signed in). */
export function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation()
  const { signOut } = useAuth()
  const navigate = useNavigate()
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(isStaff(me)
            ? [{ key: 'console', label: t('nav.console'), onClick: () => navigate('/console') }]
            : []),
          ...(me.roles.includes('enterprise')
            ? [{ key: 'enterprise', label: t('enterprises.tab'), onClick: () => navigate('/enterprise') }]
            : []),
          { key: 'advisories', label: t('nav.advisories'), onClick: () => navigate('/advisories') },
          { key: 'missions', label: t('nav.missions'), onClick: () => navigate('/missions') },
          {
            key: 'out',
            label: <span data-testid="sign-out">{t('nav.signOut')}</span>,
            onClick: async () => {
              await signOut()
              navigate('/login?signedOut=1')
            },
          },
        ],
      }}
    >
      <AccountButton me={me} />
    </Dropdown>
  )
}
