import type { Store } from '../store/index.ts'

/**
 * Spends a public form's token: true the first time its nonce is given on any server of the
 * installation, false after. The row lives until the token would have expired anyway; expired
 * ones are forgotten now and then, so the table holds at most the tokens of the last hours.
 */
export async function spendFormToken(
  store: Store,
  nonce: string,
  expiresAt: number,
  now: number,
): Promise<boolean> {
  const inserted = await store.db
    .insertInto('used_form_tokens')
    .values({ nonce, expires_at: expiresAt })
    .onConflict((conflict) => conflict.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst()
  if (Math.random() < 0.01)
    await store.db.deleteFrom('used_form_tokens').where('expires_at', '<', now).execute()
  return inserted !== undefined
}
