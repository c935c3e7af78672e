/** Map and tag colours per risk level, lowest to highest; regions of China and unknown are grey. */
export const LEVEL_COLORS = ['#52a36b', '#e3b505', '#ee7d1f', '#c62828'] as const
export const NO_LEVEL_COLOR = '#d9d9d9'

export function levelColor(level: number | undefined): string {
  return level === undefined ? NO_LEVEL_COLOR : (LEVEL_COLORS[level] ?? NO_LEVEL_COLOR)
}
