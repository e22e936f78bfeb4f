/** A contract error: the handlers answer it as `{error: {code, message, field?}}` with `status`. */
export class DemoHttpError extends Error {
  override readonly name = 'DemoHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** The REST error body. */
  toBody(): { error: { code: string; message: string; field?: string } } {
    const error: { code: string; message: string; field?: string } = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    return { error };
  }
}

export function isDemoHttpError(e: unknown): e is DemoHttpError {
  return e instanceof DemoHttpError;
}
