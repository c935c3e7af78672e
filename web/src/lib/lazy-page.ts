import { type ComponentType, lazy } from 'react'
import { loadBothLanguages } from './i18n.ts'

/**
 * A page loaded when first shown: its code (and what only it uses, such as the console, the map
 * or the certificate verifier) stays out of the bundle every visitor downloads first.
 */
// biome-ignore lint/suspicious/noExplicitAny: a page's props are whatever the page declares
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  options: { bothLanguages?: boolean } = {},
) {
  return lazy(async () => {
    const [mod] = await Promise.all([load(), options.bothLanguages ? loadBothLanguages() : undefined])
    return { default: mod[name] }
  })
}
