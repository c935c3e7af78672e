/** The one error type services throw: a stable code and an HTTP status, turned into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail)
    this.name = 'AppError'
  }
}

export const badRequest = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError(400, code, detail, extra)
export const unauthorized = (code: string, detail: string) => new AppError(401, code, detail)
export const forbidden = (code: string, detail: string) => new AppError(403, code, detail)
export const notFound = (code: string, detail: string) => new AppError(404, code, detail)
export const conflict = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, detail, extra)
export const unsupportedMediaType = (code: string, detail: string) => new AppError(415, code, detail)
export const unprocessable = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError(422, code, detail, extra)
export const tooManyRequests = (code: string, detail: string, retryAfterSeconds: number) =>
  new AppError(429, code, detail, { retryAfterSeconds })

/**
 * A module's error maker from its table of codes: the status follows from the code, so a code is
 * never answered with two statuses. Every `<module>.errors.ts` makes its one this way.
 */
export function moduleErrors<const Statuses extends Record<string, number>>(statuses: Statuses) {
  return (code: keyof Statuses & string, detail: string, extra?: Record<string, unknown>): AppError =>
    new AppError(statuses[code] as number, code, detail, extra)
}
