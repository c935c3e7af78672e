import { Button, type ButtonProps } from 'antd'
import type { MouseEvent } from 'react'
import { useNavigate } from 'react-router'

/**
 * A link that looks like a button: one `<a>` (a `<button>` inside a link is two controls in one,
 * which screen readers announce badly), moving within the app without reloading it.
 */
export function LinkButton({ to, onClick, ...props }: Omit<ButtonProps, 'href'> & { to: string }) {
  const navigate = useNavigate()
  return (
    <Button
      {...props}
      href={to}
      onClick={(e: MouseEvent<HTMLElement>) => {
        onClick?.(e as MouseEvent<HTMLAnchorElement & HTMLButtonElement>)
        if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        navigate(to)
      }}
    />
  )
}
