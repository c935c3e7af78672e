import type { Me } from '@server/identity/auth.schema.ts'
import type { ComponentProps } from 'react'

/** The name in the header, cut with an ellipsis so the brand beside it keeps its room. */
export function AccountButton({ me, ...rest }: { me: Me } & ComponentProps<'button'>) {
  return (
    <button
      type="button"
      data-testid="account-menu"
      className="header-button account-button"
      title={me.name}
      {...rest}
    >
      <span className="account-name">{me.name}</span>
    </button>
  )
}
