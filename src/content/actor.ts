/** Who acts: a signed-in user, the CLI's operator, or fabu itself. Every mutation names one. */
export interface Actor {
  /** A stable identifier: a user id, or `cli:<os user>` / `system`. */
  readonly id: string
  readonly name: string
  /** The network address the request came from, or '' where there is none (CLI). */
  readonly address: string
}

export function systemActor(name = 'system'): Actor {
  return Object.freeze({ id: name, name, address: '' })
}
