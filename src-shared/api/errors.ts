// The closed set of error codes every API call can answer with; the renderer
// branches on the code and shows the message, which is written for a facilitator.
export const ERROR_CODES = [
  'VALIDATION',
  /** The input has a field the app never sends; the message names it. */
  'UNKNOWN_FIELD',
  'NOT_FOUND',
  /** The workshop is in the trash: restore it before changing it. */
  'IN_TRASH',
  /** A metric names a stage or transition that is not on this workshop's map. */
  'BAD_REFERENCE',
  /** A sign-off names someone who is not a participant of the workshop. */
  'NOT_A_PARTICIPANT',
  /** A workshop marked agreed without an agreed map version. */
  'NOT_AGREED',
  /** A third improvement planned or on trial while two already are; the message names them. */
  'FOCUS_LIMIT',
  'CONFLICT',
  'LOCKED',
  'IMPORT_INVALID',
  'IMPORT_TOO_LARGE',
  'IMPORT_FUTURE_VERSION',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'EXPORT_FAILED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers for an expected refusal; the dispatcher turns it into a WireResult. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
