import { z } from 'zod'
import type { Accounts, Session } from '../../accounts/index.ts'
import { describePolicy, passwordPolicy } from '../../accounts/index.ts'
import { allowedInstallationActions } from '../../content/index.ts'
import { UnauthenticatedError } from '../../errors/index.ts'
import { type ApiRoute, route } from '../api-route.ts'
import { sessionStateSchema, sessionViewSchema } from '../response-schemas.ts'
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie, whereOf } from '../session-cookie.ts'
import { passwordPolicySchema } from '../small-response-schemas.ts'

/** What the admin UI learns about the signed-in user. */
export function sessionView(session: Session) {
  return {
    user: {
      id: session.user.id,
      userName: session.user.userName,
      displayName: session.user.displayName,
      grants: session.user.grants,
      hasSecondFactor: session.user.hasSecondFactor,
    },
    /** Installation-wide: 三员分立's parts the user holds (what they may do in a site comes with the site). */
    allowedActions: allowedInstallationActions(session.principal.access),
    csrfToken: session.csrfToken,
    secondFactorPending: session.secondFactorPending,
    mustChangePassword: session.mustChangePassword,
    expiresAt: session.expiresAt,
  }
}

export function sessionRoutes(accounts: Accounts): ApiRoute[] {
  const tokenOf = (cookies: Record<string, string | undefined>) => {
    const token = cookies[SESSION_COOKIE]
    if (!token) throw new UnauthenticatedError()
    return token
  }
  const policy = passwordPolicy(accounts.options.passwordProfile)

  return [
    route({
      method: 'GET',
      url: '/api/session/policy',
      summary: 'The password policy, as the sign-in screen shows it',
      tag: 'session',
      access: 'public',
      response: passwordPolicySchema,
      handler: async () => ({
        profile: policy.profile,
        minLength: policy.minLength,
        description: describePolicy(policy),
      }),
    }),
    route({
      method: 'POST',
      url: '/api/session',
      summary: 'Sign in: a new session (and session id) every time',
      tag: 'session',
      access: 'public',
      body: z.object({ userName: z.string().max(200), password: z.string().max(1000) }).strict(),
      status: 201,
      response: sessionViewSchema,
      handler: async ({ request, reply, body }) => {
        const signedIn = await accounts.sessions.signIn(body, whereOf(request))
        setSessionCookie(request, reply, signedIn.token)
        return sessionView(signedIn.session)
      },
    }),
    route({
      method: 'GET',
      url: '/api/session/state',
      summary: 'Whether a session is signed in (null when not): the admin asks this at load, without a 401',
      tag: 'session',
      access: 'public',
      response: sessionStateSchema,
      handler: async ({ request }) => ({
        session: request.fabuSession ? sessionView(request.fabuSession) : null,
      }),
    }),
    route({
      method: 'GET',
      url: '/api/session',
      summary: 'The signed-in user and the CSRF token to send with every change',
      tag: 'session',
      access: 'signing-in',
      response: sessionViewSchema,
      handler: async ({ session }) => sessionView(session),
    }),
    route({
      method: 'DELETE',
      url: '/api/session',
      summary: 'Sign out',
      tag: 'session',
      access: 'signing-in',
      handler: async ({ request, reply }) => {
        await accounts.sessions.signOut(tokenOf(request.cookies), whereOf(request))
        clearSessionCookie(request, reply)
      },
    }),
    route({
      method: 'POST',
      url: '/api/session/second-factor',
      summary: 'Finish signing in with the one-time code of an authenticator app',
      tag: 'session',
      access: 'signing-in',
      body: z.object({ code: z.string().max(20) }).strict(),
      handler: async ({ request, body }) =>
        sessionView(
          await accounts.sessions.confirmSecondFactor(tokenOf(request.cookies), body.code, whereOf(request)),
        ),
    }),
    route({
      method: 'POST',
      url: '/api/session/password',
      summary: 'Change one’s own password; ends one’s other sessions',
      tag: 'session',
      access: 'signing-in',
      body: z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(1000) }).strict(),
      handler: async ({ request, body, session }) => {
        if (session.secondFactorPending) throw new UnauthenticatedError()
        await accounts.sessions.changePassword(
          tokenOf(request.cookies),
          body.currentPassword,
          body.newPassword,
          whereOf(request),
        )
      },
    }),
    route({
      method: 'POST',
      url: '/api/session/totp',
      summary: 'Propose a TOTP secret to enrol an authenticator app',
      tag: 'session',
      access: 'signed-in',
      handler: async ({ session }) => accounts.sessions.proposeSecondFactor(session),
    }),
    route({
      method: 'PUT',
      url: '/api/session/totp',
      summary:
        'Turn on (or replace) the second factor: the current password, the proposed secret and a current code',
      tag: 'session',
      access: 'signed-in',
      body: z
        .object({
          currentPassword: z.string().max(1000),
          secret: z.string().max(64),
          code: z.string().max(20),
        })
        .strict(),
      handler: async ({ request, body }) => {
        await accounts.sessions.enableSecondFactor(
          tokenOf(request.cookies),
          body.currentPassword,
          body.secret,
          body.code,
          whereOf(request),
        )
      },
    }),
  ]
}
