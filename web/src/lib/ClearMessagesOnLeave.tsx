import { App } from 'antd'
import { useEffect } from 'react'
import { useLocation } from 'react-router'

/**
 * A message ("Saved", "Trip removed") belongs to the page it was said on: after the reader moves
 * to another page it stays a moment (when the action itself moved them there), then goes, instead
 * of following them across the next pages.
 */
export function ClearMessagesOnLeave() {
  const { message } = App.useApp()
  const { pathname } = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each move to another page
  useEffect(() => {
    const timer = window.setTimeout(() => message.destroy(), 1500)
    return () => window.clearTimeout(timer)
  }, [pathname, message])
  return null
}
