import type { CapInfo } from '../cap/cap.model.ts'

/**
 * Roughly where shaking is felt strongly: 10 km for small events, ~100 km at M6, ~300 km at M7,
 * capped at 1,000 km. A targeting heuristic, not a shake map.
 */
export function earthquakeRadiusKm(magnitude: number | null | undefined): number {
  if (magnitude === null || magnitude === undefined || !Number.isFinite(magnitude)) return 10
  return Math.round(Math.min(1000, Math.max(10, 10 ** (0.5 * magnitude - 1))))
}

/** Severity by magnitude alone, for when no impact estimate (PAGER, GDACS level) is given. */
export function earthquakeSeverity(magnitude: number | null | undefined): CapInfo['severity'] {
  if (magnitude === null || magnitude === undefined) return 'Unknown'
  if (magnitude >= 7.5) return 'Extreme'
  if (magnitude >= 6.5) return 'Severe'
  if (magnitude >= 5.5) return 'Moderate'
  return 'Minor'
}
