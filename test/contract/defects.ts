import fs from 'node:fs'

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

/**
 * A defect the tests tolerate until its fix is merged. `operation` and `where` '*' match any;
 * `input`, when given, must match the evidence (what was sent, what came back).
 */
export interface KnownDefect {
  readonly operation: string
  readonly kind: DefectKind
  readonly where: string
  readonly input?: RegExp
  /** The finding of issue #16 it belongs to. */
  readonly finding: number
}

export function isKnown(defect: Defect, known: readonly KnownDefect[]): KnownDefect | undefined {
  return known.find(
    (k) =>
      (k.operation === '*' || k.operation === defect.operation) &&
      k.kind === defect.kind &&
      (k.where === '*' || k.where === defect.where) &&
      (k.input === undefined || k.input.test(defect.evidence)),
  )
}

export function describeKnown(k: KnownDefect): string {
  return `${k.kind} · ${k.operation} · ${k.where}${k.input ? ` · ${k.input}` : ''} (#16 finding ${k.finding})`
}

/** Known defects that no request showed in this run: fixed, or no longer reached (remove them). */
export function unseen(known: readonly KnownDefect[], found: readonly Defect[]): KnownDefect[] {
  return known.filter((k) => !found.some((d) => isKnown(d, [k]) === k))
}

export function describeDefect(d: Defect): string {
  return `${d.kind} · ${d.operation} · ${d.where}: ${d.evidence}`
}

/** Writes the defects as JSON lines when CONTRACT_DEFECTS_FILE names a file (to study a run). */
export function saveDefects(defects: readonly Defect[], file = process.env.CONTRACT_DEFECTS_FILE): void {
  if (!file) return
  fs.writeFileSync(file, defects.map((d) => JSON.stringify(d)).join('\n'))
}

/** Prints, per known defect, how many answers showed it and one of them; and the entries no longer needed. */
export function report(defects: readonly Defect[], known: readonly KnownDefect[]): void {
  const lines = known.flatMap((k) => {
    const shown = defects.filter((d) => isKnown(d, known) === k)
    const first = shown[0]
    return first
      ? [`  ${describeKnown(k)}: ${shown.length}, e.g. ${describeDefect(first).slice(0, 400)}`]
      : []
  })
  if (lines.length) console.info(`known defects seen:\n${lines.join('\n')}`)
  const gone = unseen(known, defects)
  if (gone.length)
    console.warn(
      `KNOWN_DEFECTS entries no request showed (fixed? remove them):\n${gone.map((k) => `  ${describeKnown(k)}`).join('\n')}`,
    )
}
