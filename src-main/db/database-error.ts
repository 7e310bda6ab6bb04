// Failures to open or upgrade the database, with a message that says what to do.
export type DatabaseProblem = 'CORRUPT' | 'FROM_FUTURE' | 'MIGRATION_FAILED' | 'CANNOT_OPEN';

export class DatabaseError extends Error {
  constructor(
    readonly problem: DatabaseProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}
