import { z } from 'zod'
import { apiComponents } from './response-schemas.ts'

/**
 * The small answers of search settings, wording checks, passwords and the recycle bin, named
 * so the admin reads their types from the OpenAPI document like every other answer.
 */

/** A search asked in the last 30 days: how often, and how many it found the last time. */
const queryCountSchema = z.object({ query: z.string(), searches: z.number().int(), hits: z.number().int() })

export const searchTopSchema = z
  .object({ popular: z.array(queryCountSchema), foundNothing: z.array(queryCountSchema) })
  .register(apiComponents, { id: 'SearchTop' })

/** The site's synonym groups, one a list of words searched as one (社保 社会保险). */
export const synonymGroupsSchema = z
  .object({ groups: z.array(z.array(z.string())) })
  .register(apiComponents, { id: 'SynonymGroups' })

/** A listed word found in a draft or a saved article, with its place and what to write instead. */
export const wordingHitSchema = z
  .object({
    field: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    /** The text as written there. */
    found: z.string(),
    /** The list entry it matched (a near-miss: the protected name it resembles). */
    word: z.string(),
    kind: z.string(),
    /** `block` (禁用) refuses submit and publish; `warn` (提示) only shows. */
    level: z.enum(['block', 'warn']),
    suggestion: z.string().nullable(),
    isNearMiss: z.boolean(),
  })
  .register(apiComponents, { id: 'WordingHit' })

export const wordingCheckSchema = z
  .object({ hits: z.array(wordingHitSchema) })
  .register(apiComponents, { id: 'WordingCheck' })

/** The password rules, as the screen that sets a password shows them. */
export const passwordPolicySchema = z
  .object({
    profile: z.string(),
    minLength: z.number().int(),
    description: z.object({ zh: z.string(), en: z.string() }),
  })
  .register(apiComponents, { id: 'PasswordPolicy' })

/** A reset's one-time password, shown once to the security administrator. */
export const passwordResetSchema = z
  .object({ password: z.string() })
  .register(apiComponents, { id: 'PasswordReset' })

/** What a purge of the recycle bin removed for good. */
export const purgeResultSchema = z
  .object({ articles: z.number().int(), columns: z.number().int() })
  .register(apiComponents, { id: 'PurgeResult' })
