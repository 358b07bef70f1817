import { randomBytes } from 'node:crypto'
import { beforeEach } from 'vitest'
import { type Accounts, createAccounts } from '../../src/accounts/index.ts'
import type { PersonalDataKeyring } from '../../src/config/index.ts'
import {
  accessOf,
  type Grant,
  operatorAccess,
  type Principal,
  type Role,
  systemActor,
} from '../../src/content/index.ts'
import { createInteraction, type Interaction, type Mailbox } from '../../src/interaction/index.ts'
import type { ContentFixture } from './content-fixture.ts'

export const operator: Principal = { actor: systemActor('cli:test'), access: operatorAccess }

export function testKeys(): PersonalDataKeyring {
  const secret = randomBytes(32)
  return { current: { id: 'p1', secret }, byId: new Map([['p1', secret]]), source: 'test' }
}

export interface InteractionFixture {
  interaction: Interaction
  accounts: Accounts
  letters: Mailbox
  applications: Mailbox
  /** A user with these grants, as a principal the services take. */
  user(
    name: string,
    grants?: readonly { role: Role; siteId?: number | null; reviewLevel?: number | null }[],
  ): Promise<Principal & { userId: number }>
}

/** Interaction services over a content fixture, with a 院长信箱 (咨询) and a 依申请公开 mailbox. */
export function useInteraction(t: ContentFixture): InteractionFixture {
  const fixture = {} as InteractionFixture
  beforeEach(async () => {
    fixture.accounts = createAccounts(t.store, { passwordProfile: 'dengbao' })
    fixture.interaction = createInteraction(t.store, { keys: testKeys(), now: () => t.clock.now })
    const desk = fixture.interaction.as(operator)
    fixture.letters = await desk.mailboxes.create({
      siteId: t.site.id,
      slug: 'yzxx',
      name: '院长信箱',
      kind: 'consultation',
      categories: ['计量', '检测'],
      publishesAnswers: true,
    })
    fixture.applications = await desk.mailboxes.create({
      siteId: t.site.id,
      slug: 'ysqgk',
      name: '依申请公开',
      kind: 'disclosure',
    })
    fixture.user = async (name, grants = []) => {
      const user = await fixture.accounts.users.create(operator, {
        userName: name,
        displayName: name,
        password: `Pw-${randomBytes(9).toString('base64url')}!7`,
        mustChangePassword: false,
      })
      let saved: readonly Grant[] = []
      for (const grant of grants) {
        const granted = await fixture.accounts.users.grant(operator, {
          userId: user.id,
          role: grant.role,
          siteId: grant.siteId === undefined ? t.site.id : grant.siteId,
          reviewLevel: grant.reviewLevel ?? null,
        })
        saved = granted.grants
      }
      return {
        userId: user.id,
        actor: { id: `user:${user.id}`, name, address: '192.0.2.9' },
        access: accessOf(user.id, saved),
      }
    }
  })
  return fixture
}
