/** What a contract test can find wrong with one answer. */
export type DefectKind =
  /** A Tokyo canary in the answer to someone who may not read it. */
  | 'leak'
  /** Admitted where the matrix refuses, refused where it admits, 403 where it hides (404)… */
  | 'access'
  /** A 5xx. */
  | 'server-error'
  /** A 4xx that is not application/problem+json with a stable `code`. */
  | 'not-problem'
  /** A 2xx for a request its own schema refuses: an unknown field, a wrong type, a value out of range. */
  | 'accepted-invalid'
  /** A refused request that changed the number of rows of a table. */
  | 'partial-write'

export interface Defect {
  /** `METHOD /path` as the OpenAPI document writes it. */
  readonly operation: string
  readonly kind: DefectKind
  /** Who (a principal) or where (`body.message`, `query.q`, `path.id`, `body`) it shows. */
  readonly where: string
  /** The request and answer that show it. */
  readonly evidence: string
}

/** A defect the tests tolerate until its fix is merged: `where` '*' matches any principal or place. */
export interface KnownDefect {
  readonly operation: string
  readonly kind: DefectKind
  readonly where: string
  /** The finding of issue #16 it belongs to. */
  readonly finding: number
}

export function isKnown(defect: Defect, known: readonly KnownDefect[]): KnownDefect | undefined {
  return known.find(
    (k) =>
      k.operation === defect.operation &&
      k.kind === defect.kind &&
      (k.where === '*' || k.where === defect.where),
  )
}

/** Known defects that no request showed in this run: fixed, or no longer reached (remove them). */
export function unseen(known: readonly KnownDefect[], found: readonly Defect[]): KnownDefect[] {
  return known.filter((k) => !found.some((d) => isKnown(d, [k]) === k))
}

export function describeDefect(d: Defect): string {
  return `${d.kind} · ${d.operation} · ${d.where}: ${d.evidence}`
}
