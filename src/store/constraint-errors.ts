/**
 * Whether a database error is a unique-constraint violation: the loser of a race to take a
 * slug or number. PostgreSQL reports SQLSTATE 23505; SQLite extended code 2067.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errcode?: unknown; message?: unknown } | null
  if (!e) return false
  return (
    e.code === '23505' ||
    e.errcode === 2067 ||
    (typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed'))
  )
}
