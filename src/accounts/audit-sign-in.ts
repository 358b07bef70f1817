import { appendAudit, type ServiceContext } from '../content/index.ts'
import type { Tx } from '../store/index.ts'
import type { Where } from './sessions.ts'

/** The audit record of one sign-in step: success, or the failure's error code. */
export async function auditSignIn(
  ctx: ServiceContext,
  tx: Tx,
  user: { id: number | null; name: string },
  where: Where,
  now: string,
  code: string | null,
) {
  await appendAudit(
    ctx.store,
    tx,
    {
      actor: {
        id: user.id === null ? 'unknown' : `user:${user.id}`,
        name: user.name.slice(0, 64),
        address: where.address,
      },
      action: 'session.signIn',
      targetType: 'user',
      targetId: String(user.id ?? ''),
      outcome: code === null ? 'success' : 'failure',
      ...(code === null ? {} : { errorCode: code }),
    },
    now,
  )
}
