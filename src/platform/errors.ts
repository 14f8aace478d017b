/**
 * One error model (house style R19): use cases throw AppError with a code and a message key;
 * only ERROR_HTTP_STATUS decides the HTTP status. Anything that is not an AppError is shown
 * generically with the request id as reference.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'

export const APP_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'VALIDATION',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'INSUFFICIENT_STORAGE',
] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

export const ERROR_HTTP_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  VALIDATION: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
} as const satisfies Record<AppErrorCode, number>

export type AppErrorOptions = {
  messageKey: MessageKey
  params?: Record<string, string | number>
  cause?: unknown
}

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly messageKey: MessageKey
  readonly params: Record<string, string | number> | undefined

  constructor(code: AppErrorCode, opts: AppErrorOptions) {
    super(`${code}: ${opts.messageKey}`, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.messageKey = opts.messageKey
    this.params = opts.params
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code]
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
