/**
 * Typed errors of the backend seam. Elements decide what to show by `kind`; `message` is a safe,
 * human sentence (never a raw response body).
 */
export type BackendErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'declined'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable'
  | 'network'
  | 'timeout'
  | 'malformed_response'
  | 'aborted';

export interface BackendErrorInit {
  status?: number;
  code?: string;
  field?: string;
  retryAfterMs?: number;
  cause?: unknown;
  /**
   * True when the request may have reached the server and had effects (a payment POST whose
   * answer was lost): the outcome must be recovered, not assumed failed.
   */
  outcomeUnknown?: boolean;
  /**
   * True when `message` is the server's own sentence (from the error body; the server may have
   * localized it for the `Accept-Language` it was sent). False for the client's fallbacks, which
   * are English: elements show their own translated sentence instead.
   */
  serverMessage?: boolean;
  /** The language of a server message, from the answer's `Content-Language` (unset: English). */
  messageLanguage?: string;
}

export class BackendError extends Error {
  override readonly name: string = 'BackendError';
  readonly kind: BackendErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly outcomeUnknown: boolean;
  readonly serverMessage: boolean;
  readonly messageLanguage: string | undefined;

  constructor(kind: BackendErrorKind, message: string, init: BackendErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.retryAfterMs = init.retryAfterMs;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.serverMessage = init.serverMessage ?? false;
    this.messageLanguage = init.messageLanguage;
  }
}

export class ValidationError extends BackendError {
  override readonly name = 'ValidationError';
  constructor(message: string, init: BackendErrorInit = {}) { super('validation', message, init); }
}
export class NotFoundError extends BackendError {
  override readonly name = 'NotFoundError';
  constructor(message: string, init: BackendErrorInit = {}) { super('not_found', message, init); }
}
export class ConflictError extends BackendError {
  override readonly name = 'ConflictError';
  constructor(message: string, init: BackendErrorInit = {}) { super('conflict', message, init); }
}
export class DeclinedError extends BackendError {
  override readonly name = 'DeclinedError';
  constructor(message: string, init: BackendErrorInit = {}) { super('declined', message, init); }
}
export class UnauthorizedError extends BackendError {
  override readonly name = 'UnauthorizedError';
  constructor(message: string, init: BackendErrorInit = {}) { super(init.status === 403 ? 'forbidden' : 'unauthorized', message, init); }
}
export class UnavailableError extends BackendError {
  override readonly name = 'UnavailableError';
  constructor(message: string, init: BackendErrorInit = {}) { super('unavailable', message, init); }
}
export class NetworkError extends BackendError {
  override readonly name = 'NetworkError';
  constructor(message: string, init: BackendErrorInit = {}) { super('network', message, init); }
}
export class TimeoutError extends BackendError {
  override readonly name = 'TimeoutError';
  constructor(message: string, init: BackendErrorInit = {}) { super('timeout', message, init); }
}
export class MalformedResponseError extends BackendError {
  override readonly name = 'MalformedResponseError';
  constructor(message: string, init: BackendErrorInit = {}) { super('malformed_response', message, init); }
}

export function isBackendError(e: unknown): e is BackendError {
  return e instanceof BackendError;
}
