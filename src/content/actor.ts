import type { Tx } from '../store/index.ts'

/** Who acts: a signed-in user, the CLI's operator, or fabu itself. Every mutation names one. */
export interface Actor {
  /** A stable identifier: a user id, or `cli:<os user>` / `system`. */
  readonly id: string
  readonly name: string
  /** The network address the request came from, or '' where there is none (CLI). */
  readonly address: string
  /**
   * Confirms, inside the transaction of each service call, that the rights the permission
   * check relied on still hold, and keeps them from being revoked until it commits: a grant
   * withdrawn between the check and the write refuses the write (FORBIDDEN) and nothing of
   * it is kept. Signed-in users have one (accounts); the CLI's operator and fabu itself do not.
   */
  readonly confirmRights?: (tx: Tx) => Promise<void>
}

export function systemActor(name = 'system'): Actor {
  return Object.freeze({ id: name, name, address: '' })
}
