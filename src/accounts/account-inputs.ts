import { z } from 'zod'
import { roles } from '../content/index.ts'
import { MAX_PASSWORD_LENGTH } from './password-policy.ts'

const recordId = z.number().int().positive().max(2_147_483_647)

export const userName = z
  .string({ error: '请输入用户名|the user name is required' })
  .transform((name) => name.normalize('NFKC').trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{1,63}$/,
        '用户名为 2–64 位小写字母、数字、点、下划线或连字符|2–64 lowercase letters, digits, dots, _ or -',
      ),
  )

export const password = z
  .string({ error: '请输入密码|the password is required' })
  .max(MAX_PASSWORD_LENGTH, `密码最多 ${MAX_PASSWORD_LENGTH} 位|at most ${MAX_PASSWORD_LENGTH} characters`)

export const userInputSchema = z
  .object({
    userName,
    displayName: z.string().trim().min(1, '请填写姓名|the display name is required').max(100),
    password,
    /** The user must choose a new password at first sign-in (an administrator set this one). */
    mustChangePassword: z.boolean().default(true),
  })
  .strict()

export const userPatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    disabled: z.boolean(),
  })
  .partial()
  .strict()

export const grantInputSchema = z
  .object({
    userId: recordId,
    role: z.enum(roles),
    siteId: recordId.nullable().default(null),
    columnId: recordId.nullable().default(null),
    reviewLevel: z.number().int().min(1).max(3).nullable().default(null),
  })
  .strict()

export const signInSchema = z
  .object({
    userName: z.string().max(200),
    password: z.string().max(1000),
  })
  .strict()

export type UserInput = z.input<typeof userInputSchema>
export type UserPatch = z.input<typeof userPatchSchema>
export type GrantInput = z.input<typeof grantInputSchema>
