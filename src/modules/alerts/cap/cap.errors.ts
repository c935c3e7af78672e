import { AppError } from '../../../platform/errors/app-error.ts'

export type CapErrorCode =
  | 'cap.not_xml'
  | 'cap.bad_encoding'
  | 'cap.dtd_refused'
  | 'cap.wrong_namespace'
  | 'cap.schema_invalid'
  | 'cap.bad_identifier'
  | 'cap.bad_date'
  | 'cap.bad_references'
  | 'cap.bad_polygon'
  | 'cap.bad_circle'
  | 'cap.invalid_content'

/** One thing wrong with an alert: where (an XML line, or a path such as `info[0].area[1].polygon[0]`) and what. */
export interface CapProblem {
  code: CapErrorCode
  message: string
  line?: number
  path?: string
}

/** A body that is not XML at all is a bad request; XML that is not acceptable CAP is unprocessable. */
const STATUS: Partial<Record<CapErrorCode, number>> = {
  'cap.not_xml': 400,
  'cap.bad_encoding': 400,
  'cap.dtd_refused': 400,
}

/** A CAP rule broken in JSON input (the console, the API): a bad request, as any other JSON field. */
export const capBadRequest = (code: CapErrorCode, detail: string) => new AppError(400, code, detail)

/** A CAP route given a body that is not XML at all (JSON, a form). */
export const capNotXmlMedia = (detail: string) =>
  new AppError(415, 'cap.not_xml' satisfies CapErrorCode, detail)

/** Why an alert was refused; an AppError, so a route can let it through as problem+json with `errors`. */
export class CapParseError extends AppError {
  constructor(
    code: CapErrorCode,
    detail: string,
    readonly problems: CapProblem[] = [],
  ) {
    super(STATUS[code] ?? 422, code, detail, problems.length > 0 ? { errors: problems } : {})
    this.name = 'CapParseError'
  }

  /** The first problem's code names the error; every problem found is listed. */
  static fromProblems(problems: CapProblem[]): CapParseError {
    const [first] = problems
    if (!first) throw new Error('CapParseError.fromProblems needs at least one problem')
    const where = (p: CapProblem) => (p.line ? `line ${p.line}: ` : p.path ? `${p.path}: ` : '')
    const shown = problems.slice(0, 5).map((p) => `${where(p)}${p.message}`)
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''
    return new CapParseError(first.code, `${shown.join('; ')}${more}`, problems)
  }
}
