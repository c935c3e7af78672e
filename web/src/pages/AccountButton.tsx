import type { Me } from '@server/identity/auth.schema.ts'
import type { ComponentProps } from 'react'

/** The name in the header, cut with an ellipsis so the brand beside it keeps its room. */
export function AccountButton({ me, className, ...rest }: { me: Me } & ComponentProps<'button'>) {
  return (
    <button
      type="button"
      data-testid="account-menu"
      title={me.name}
      {...rest}
      // The dropdown adds its own class: kept beside ours, not instead of it.
      className={['header-button account-button', className].filter(Boolean).join(' ')}
    >
      <span className="account-name">{me.name}</span>
    </button>
  )
}
