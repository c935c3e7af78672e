// @ts-nocheck: the audit below runs inside the page, with the DOM this Node program is not typed for

import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/**
 * WCAG 2.2 AA checks run inside a page: the ones this app has failed (unnamed controls, text below
 * 4.5:1, no or several h1, no skip link, no language) written out here so that they run without any
 * package; and axe-core's full rule set as well when the package is installed.
 */
export interface Finding {
  rule: string
  impact: string
  target: string
  detail: string
}

/** In the page: everything below is serialised by Playwright, so it may use only the DOM. */
function audit(): Finding[] {
  const out: Finding[] = []
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : ''
    const test = el.getAttribute('data-testid')
    const cls =
      typeof el.className === 'string' && el.className
        ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}`
        : ''
    return `${el.tagName.toLowerCase()}${id}${test ? `[data-testid=${test}]` : ''}${cls} "${(el.textContent ?? '').trim().slice(0, 40)}"`
  }
  const hidden = (el: Element): boolean => {
    if (el.closest('[aria-hidden="true"], [hidden], [inert]')) return true
    const rect = el.getBoundingClientRect()
    if (rect.width <= 1 || rect.height <= 1) return true
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e)
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true
    }
    return false
  }

  const lang = document.documentElement.getAttribute('lang')
  if (!lang) out.push({ rule: 'html-has-lang', impact: 'serious', target: 'html', detail: 'no lang' })

  const h1 = [...document.querySelectorAll('h1, [role="heading"][aria-level="1"]')].filter((e) => !hidden(e))
  if (h1.length !== 1)
    out.push({
      rule: 'one-h1',
      impact: 'moderate',
      target: h1.map(describe).join(' | ') || 'document',
      detail: `${h1.length} h1`,
    })

  const firstFocusable = document.querySelector('a[href], button, input, select, textarea, [tabindex]')
  if (!firstFocusable?.matches('a.skip-link[href="#main"]') || !document.getElementById('main'))
    out.push({
      rule: 'skip-link',
      impact: 'serious',
      target: firstFocusable ? describe(firstFocusable) : 'none',
      detail: 'the first focusable element is not a link to #main',
    })

  const textOf = (el: Element): string => {
    let s = ''
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) s += node.textContent ?? ''
      else if (node instanceof Element) {
        if (node.getAttribute('aria-hidden') === 'true') continue
        if (node instanceof HTMLImageElement) s += node.alt
        else if (node.getAttribute('aria-label')) s += node.getAttribute('aria-label')
        else if (node.tagName.toLowerCase() === 'svg') s += node.querySelector('title')?.textContent ?? ''
        else s += textOf(node)
      }
    }
    return s
  }
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby')
    if (by)
      return by
        .split(/\s+/)
        .map((id) => {
          const ref = document.getElementById(id)
          return ref ? textOf(ref) : ''
        })
        .join(' ')
        .trim()
    const label = el.getAttribute('aria-label')
    if (label?.trim()) return label.trim()
    if (
      el instanceof HTMLInputElement ||
      el instanceof HTMLSelectElement ||
      el instanceof HTMLTextAreaElement
    ) {
      const labels = [...(el.labels ?? [])].map(textOf).join(' ').trim()
      if (labels) return labels
      if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type)) return el.value
      if ('placeholder' in el && el.placeholder) return el.placeholder
      return el.getAttribute('title') ?? ''
    }
    return (textOf(el).trim() || el.getAttribute('title')) ?? ''
  }
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="combobox"], [role="tab"], [role="menuitem"], [role="radio"], [role="slider"], [role="searchbox"], [role="textbox"]',
  )
  for (const el of controls) {
    if (el instanceof HTMLInputElement && el.type === 'file' && el.closest('label')) continue
    if (
      hidden(el) &&
      !(
        el instanceof HTMLInputElement &&
        el.closest('label, .ant-select, .ant-switch, .ant-radio-wrapper, .ant-checkbox-wrapper')
      )
    )
      continue
    if (hidden(el.parentElement ?? el)) continue
    if (!nameOf(el))
      out.push({
        rule: 'control-name',
        impact: 'critical',
        target: describe(el),
        detail: 'no accessible name',
      })
  }

  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt') && !hidden(img))
      out.push({ rule: 'image-alt', impact: 'critical', target: describe(img), detail: 'no alt' })
  }

  // Contrast: every element holding visible text, against the colours painted beneath it.
  const parse = (c: string): [number, number, number, number] | null => {
    const m = c.match(/rgba?\(([^)]+)\)/)
    if (!m?.[1]) return null
    const p = m[1]
      .split(/[,\s/]+/)
      .filter(Boolean)
      .map(Number)
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1]
  }
  const over = (top: number[], bottom: number[]) => {
    const a = top[3] ?? 1
    return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a))
  }
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
  }
  const background = (el: Element): number[] | null => {
    const layers: Array<[number, number, number, number]> = []
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e)
      if (s.backgroundImage !== 'none') return null
      const c = parse(s.backgroundColor)
      if (c && c[3] > 0) {
        layers.push(c)
        if (c[3] >= 1) break
      }
    }
    let rgb = [255, 255, 255]
    for (const layer of layers.reverse()) rgb = over(layer, rgb)
    return rgb
  }
  const seen = new Set<string>()
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    if (!el || !(node.textContent ?? '').trim()) continue
    if (
      el.closest(
        '[disabled], [aria-disabled="true"], .ant-btn-disabled, .ant-select-disabled, .ant-input-disabled, .ant-picker-disabled, .ant-radio-wrapper-disabled, .ant-checkbox-wrapper-disabled, .ant-steps-item-wait, svg, script, style, noscript',
      )
    )
      continue
    if (hidden(el)) continue
    const s = getComputedStyle(el)
    const fg = parse(s.color)
    const bg = background(el)
    if (!fg || !bg) continue
    const text = over(fg, bg)
    const [l1, l2] = [luminance(text), luminance(bg)].sort((a, b) => b - a)
    const ratio = ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05)
    const size = Number.parseFloat(s.fontSize)
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700)
    const need = large ? 3 : 4.5
    if (ratio + 0.005 < need) {
      const key = `${s.color}|${bg.join(',')}|${describe(el)}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({
        rule: 'color-contrast',
        impact: 'serious',
        target: describe(el),
        detail: `${ratio.toFixed(2)}:1 (${s.color} on rgb(${bg.map(Math.round).join(',')}))`,
      })
    }
  }
  return out
}

const axeSource = (() => {
  try {
    const require = createRequire(import.meta.url)
    return require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') as string
  } catch {
    return undefined
  }
})()

/** Whether axe-core is installed (it is not a dependency today: the checks above run alone). */
export const AXE_AVAILABLE = axeSource !== undefined

/** The page's serious and critical findings (our checks, plus axe-core's when installed). */
export async function accessibilityFindings(page: Page): Promise<Finding[]> {
  const ours = (await page.evaluate(audit)).filter(
    (f) => f.impact === 'serious' || f.impact === 'critical' || f.rule === 'one-h1',
  )
  if (!axeSource) return ours
  await page.addScriptTag({ content: axeSource })
  const axe = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return (
      result.violations as Array<{
        id: string
        impact: string
        nodes: Array<{ target: string[] }>
        help: string
      }>
    )
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: `axe:${v.id}`,
        impact: v.impact,
        target: v.nodes.map((n) => n.target.join(' ')).join(', '),
        detail: v.help,
      }))
  })
  return [...ours, ...axe]
}
