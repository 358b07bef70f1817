import { FormRefusedError, isFabuError, RateLimitedError, ValidationError } from '../errors/index.ts'
import { AddressThrottle } from './address-throttle.ts'
import { applicantCopyText } from './applicant-copy.ts'
import type { Submission } from './case-inputs.ts'
import { type FormCheck, FormGuard } from './form-guard.ts'
import { html } from './html-template.ts'
import type { Interaction } from './interaction.ts'
import { opinionFormPage, opinionReceiptPage } from './opinion-pages.ts'
import {
  answersPage,
  type FormValues,
  formPage,
  lookupPage,
  type PageSite,
  publicPage,
  receiptPage,
  statusPage,
} from './public-pages.ts'
import { answersFromForm } from './questionnaire.ts'

/** Where a public request came from, as the server saw it. */
export interface Visit {
  readonly address: string
  readonly origin?: string | undefined
  readonly referer?: string | undefined
  readonly host?: string | undefined
}

export interface PublicAnswer {
  readonly status: number
  readonly html: string
  readonly retryAfterSeconds?: number
  /** A download instead of a page (the sender's copy of their case). */
  readonly file?: { readonly name: string; readonly type: string; readonly body: string }
}

export interface PublicDeskOptions {
  /** Submissions one address may make per 10 minutes (tries included). */
  readonly submissionsPerAddress?: number
  /** Status lookups one address may make per 10 minutes: codes cannot be guessed by trying. */
  readonly lookupsPerAddress?: number
}

/** The window of the per-address limits. */
const WINDOW_MS = 600_000

const refusals: Readonly<Record<Exclude<FormCheck, 'ok'>, { zh: string; en: string }>> = {
  missing: {
    zh: '缺少表单令牌，请从本站页面提交',
    en: 'the form token is missing; submit the form from this site',
  },
  expired: { zh: '表单已过期，请重新填写', en: 'the form expired; fill it in again' },
  'wrong-answer': { zh: '验证题答案不对', en: 'the answer to the check question is wrong' },
  used: { zh: '此表单已提交过', en: 'this form was submitted already' },
  'cross-origin': { zh: '表单来自其他网站', en: 'the form was posted from another site' },
}

/**
 * The public side of one site's mailboxes as pages: the form with its token and challenge,
 * the receipt with the query code, and the status page. Floods are refused per address
 * before anything reaches the database; every answer is a page, never a server error.
 */
export function createPublicDesk(
  interaction: Interaction,
  site: PageSite & { readonly id: number },
  options: PublicDeskOptions = {},
) {
  const guard = new FormGuard(
    (value) => interaction.digest('public-form', value),
    (nonce, expiresAt, now) => interaction.visitors.spendToken(nonce, expiresAt, now),
  )
  const limits = { submit: options.submissionsPerAddress ?? 5, lookup: options.lookupsPerAddress ?? 30 }
  const throttles = {
    submit: new AddressThrottle({ limit: limits.submit, windowMs: WINDOW_MS }),
    lookup: new AddressThrottle({ limit: limits.lookup, windowMs: WINDOW_MS }),
  }

  /**
   * Seconds the address must wait, else 0. This server's count in memory comes first, so a
   * flood is refused before it reaches the database; then the count every server of the
   * installation shares, so several servers do not each allow the limit.
   */
  async function waitOf(purpose: 'submit' | 'lookup', address: string): Promise<number> {
    const local = throttles[purpose].take(address)
    if (local > 0) return local
    return interaction.visitors.throttle(
      `${purpose}:${site.id}:${address}`,
      limits[purpose],
      WINDOW_MS,
      Date.now(),
    )
  }

  /** A refusal as a page with its status; anything but fabu's own errors is a real fault and is rethrown. */
  function problemPage(error: unknown): PublicAnswer {
    if (!isFabuError(error)) throw error
    const page = publicPage(
      site,
      '未能提交',
      html`<p class="form-problem" role="alert">${error.messages.zh}</p><p><a href="/">返回首页</a></p>`,
    )
    return {
      status: error.status,
      html: page,
      ...(error instanceof RateLimitedError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    }
  }

  return {
    async form(slug: string): Promise<PublicAnswer> {
      try {
        const mailbox = await interaction.visitors.mailbox(site.id, slug)
        return { status: 200, html: formPage(site, mailbox, guard.issue(String(mailbox.id))) }
      } catch (error) {
        return problemPage(error)
      }
    },

    async submit(slug: string, fields: FormValues, visit: Visit): Promise<PublicAnswer> {
      try {
        const wait = await waitOf('submit', visit.address)
        if (wait > 0) throw new RateLimitedError(wait)
        const mailbox = await interaction.visitors.mailbox(site.id, slug)
        const check = await guard.check(String(mailbox.id), fields.token, fields.answer, visit)
        if (check !== 'ok') {
          // A wrong answer is a person's slip: the form comes back filled in, with a new question.
          if (check === 'wrong-answer' || check === 'expired')
            return {
              status: 403,
              html: formPage(
                site,
                mailbox,
                guard.issue(String(mailbox.id)),
                echoable(fields),
                refusals[check].zh,
              ),
            }
          throw new FormRefusedError(refusals[check])
        }
        try {
          const receipt = await interaction.visitors.submit(mailbox, toSubmission(fields))
          return { status: 201, html: receiptPage(site, mailbox, receipt) }
        } catch (error) {
          if (error instanceof ValidationError)
            return {
              status: 422,
              html: formPage(
                site,
                mailbox,
                guard.issue(String(mailbox.id)),
                echoable(fields),
                error.messages.zh,
              ),
            }
          throw error
        }
      } catch (error) {
        return problemPage(error)
      }
    },

    async answers(slug: string, page: number): Promise<PublicAnswer> {
      try {
        const mailbox = await interaction.visitors.mailbox(site.id, slug)
        const found = await interaction.visitors.answers(mailbox, page)
        return { status: 200, html: answersPage(site, mailbox, found, page) }
      } catch (error) {
        return problemPage(error)
      }
    },

    async consultationForm(id: number): Promise<PublicAnswer> {
      try {
        const consultation = await interaction.visitors.consultation(site.id, id)
        const form = consultation.state === 'open' ? guard.issue(`consultation:${id}`) : null
        return { status: 200, html: opinionFormPage(site, consultation, form) }
      } catch (error) {
        return problemPage(error)
      }
    },

    /** An opinion on a consultation: the same flood limit, token, origin and question as a letter. */
    async submitOpinion(id: number, fields: FormValues, visit: Visit): Promise<PublicAnswer> {
      try {
        const wait = await waitOf('submit', visit.address)
        if (wait > 0) throw new RateLimitedError(wait)
        const consultation = await interaction.visitors.consultation(site.id, id)
        const formId = `consultation:${id}`
        const check = await guard.check(formId, fields.token, fields.answer, visit)
        const again = (problem: string, status: number) => ({
          status,
          html: opinionFormPage(site, consultation, guard.issue(formId), echoable(fields), problem),
        })
        if (check !== 'ok') {
          if (check === 'wrong-answer' || check === 'expired') return again(refusals[check].zh, 403)
          throw new FormRefusedError(refusals[check])
        }
        const optional = (name: string) => (fields[name]?.trim() ? fields[name] : undefined)
        try {
          await interaction.visitors.submitOpinion(consultation, {
            ...(optional('content') ? { content: fields.content } : {}),
            ...(consultation.questionnaire
              ? { answers: answersFromForm(consultation.questionnaire, fields as Record<string, string>) }
              : {}),
            name: fields.name ?? '',
            ...(optional('phone') ? { phone: optional('phone') } : {}),
            ...(optional('email') ? { email: optional('email') } : {}),
          })
          return { status: 201, html: opinionReceiptPage(site, consultation) }
        } catch (error) {
          if (error instanceof ValidationError) return again(error.messages.zh, 422)
          throw error
        }
      } catch (error) {
        return problemPage(error)
      }
    },

    lookupForm(): PublicAnswer {
      return { status: 200, html: lookupPage(site) }
    },

    async lookup(fields: FormValues, visit: Visit): Promise<PublicAnswer> {
      try {
        const wait = await waitOf('lookup', visit.address)
        if (wait > 0) throw new RateLimitedError(wait)
        const found = await interaction.visitors.lookup(
          site.id,
          String(fields.code ?? '').slice(0, 40),
          String(fields.phone4 ?? '').slice(0, 20),
        )
        // The same answer for a wrong code and a wrong phone, so neither can be probed alone.
        if (!found) return { status: 404, html: lookupPage(site, '查询码或电话后四位不正确') }
        return { status: 200, html: statusPage(site, found, String(fields.phone4 ?? '').slice(0, 4)) }
      } catch (error) {
        return problemPage(error)
      }
    },

    /**
     * The sender's copy of their case as a file: the same check and the same flood limit as the
     * status page (a copy is one more try at a code), audited by the service.
     */
    async copy(fields: FormValues, visit: Visit): Promise<PublicAnswer> {
      try {
        const wait = await waitOf('lookup', visit.address)
        if (wait > 0) throw new RateLimitedError(wait)
        const format = fields.format === 'json' ? 'json' : 'txt'
        const found = await interaction.visitors.copy(
          site.id,
          String(fields.code ?? '').slice(0, 40),
          String(fields.phone4 ?? '').slice(0, 20),
          format,
          visit.address,
        )
        if (!found) return { status: 404, html: lookupPage(site, '查询码或电话后四位不正确') }
        const name = `case-${found.queryCode}.${format}`
        return {
          status: 200,
          html: '',
          file:
            format === 'json'
              ? { name, type: 'application/json; charset=utf-8', body: `${JSON.stringify(found, null, 2)}\n` }
              : { name, type: 'text/plain; charset=utf-8', body: applicantCopyText(found) },
        }
      } catch (error) {
        return problemPage(error)
      }
    },
  }
}

export type PublicDesk = ReturnType<typeof createPublicDesk>

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters HTML may not carry.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** A refused form's values to fill it in again: as text, without the control characters HTML cannot carry. */
function echoable(fields: FormValues): FormValues {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (name !== 'token' && name !== 'answer' && value !== undefined) out[name] = value.replace(CONTROL, '')
  }
  return out
}

/** The form's fields as a submission: absent and empty optional fields are left out. */
function toSubmission(fields: FormValues): Submission {
  const optional = (name: string) => (fields[name]?.trim() ? fields[name] : undefined)
  return {
    subject: fields.subject ?? '',
    content: fields.content ?? '',
    name: fields.name ?? '',
    phone: fields.phone ?? '',
    mayPublish: fields.mayPublish === 'yes',
    ...(optional('category') ? { category: optional('category') } : {}),
    ...(optional('email') ? { email: optional('email') } : {}),
    ...(optional('idNumber') ? { idNumber: optional('idNumber') } : {}),
    ...(optional('idType') ? { idType: optional('idType') } : {}),
    ...(optional('purpose') ? { purpose: optional('purpose') } : {}),
    ...(fields.applicantType === 'citizen' || fields.applicantType === 'legal_person'
      ? { applicantType: fields.applicantType }
      : {}),
    ...(['paper', 'email', 'pickup', 'electronic'].includes(fields.delivery ?? '')
      ? { delivery: fields.delivery as Submission['delivery'] }
      : {}),
  }
}
