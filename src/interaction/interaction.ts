import { createServiceContext, type Principal } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { type ActivityCounts, type ActivityPeriod, countActivity } from './activity-counts.ts'
import { takeAddressWindow } from './address-window.ts'
import { type ApplicantCopy, applicantCopy, type CopyFormat } from './applicant-copy.ts'
import type { Case, PersonalData } from './case.ts'
import { type CaseActions, createCaseActions } from './case-actions.ts'
import type { Submission } from './case-inputs.ts'
import { noticeAnswered, type ReminderResult, remindDue } from './case-notices.ts'
import { type CaseQuery, getCase, listCases, readPersonalData } from './case-service.ts'
import type { Consultation, ConsultationInput, Opinion, OpinionInput } from './consultation.ts'
import {
  createConsultation,
  exportOpinions,
  listConsultations,
  listOpinions,
  publicConsultation,
  readOpinionPersonal,
  submitOpinion,
  summarizeConsultation,
} from './consultation-service.ts'
import { type DisclosureReport, disclosureReport } from './disclosure-report.ts'
import { type EraseResult, eraseExpiredPersonalData } from './erase-expired.ts'
import { exportCases } from './export-cases.ts'
import { findDuplicates } from './find-duplicates.ts'
import {
  createInteractionContext,
  type InteractionContext,
  type InteractionOptions,
  loadMailbox,
} from './interaction-context.ts'
import type { Mailbox, MailboxInput, MailboxPatch } from './mailbox.ts'
import { listHandlers, type MailboxHandler, revokeHandler } from './mailbox-handlers.ts'
import {
  createMailbox,
  grantHandler,
  listMailboxes,
  mailboxBySlug,
  setCalendarYear,
  updateMailbox,
} from './mailbox-service.ts'
import { type PublishedAnswer, publishedAnswers } from './published-answers.ts'
import type { QuestionnaireInput } from './questionnaire.ts'
import {
  exportResponses,
  type QuestionnaireResults,
  questionnaireResults,
  setFeedback,
  setQuestionnaire,
} from './questionnaire-service.ts'
import { lookupCase, type PublicCaseStatus, type Receipt, submitCase } from './submit-case.ts'
import { spendFormToken } from './used-form-tokens.ts'
import { type CalendarDay, listCalendarDays } from './work-calendar.ts'

/** 政民互动 as one user may use it: every call checks the principal's rights and is audited. */
export interface InteractionDesk {
  readonly mailboxes: {
    list(siteId: number): Promise<readonly Mailbox[]>
    create(input: MailboxInput): Promise<Mailbox>
    update(mailboxId: number, patch: MailboxPatch): Promise<Mailbox>
    grantHandler(mailboxId: number, userId: number, reviewLevel: number | null): Promise<void>
    handlers(mailboxId: number): Promise<readonly MailboxHandler[]>
    revokeHandler(mailboxId: number, userId: number): Promise<void>
  }
  readonly cases: CaseActions & {
    list(query: CaseQuery): Promise<readonly Case[]>
    get(id: number): Promise<Case>
    /** Decrypted personal data; audited, handlers and auditors only. */
    personal(id: number): Promise<PersonalData>
    eraseExpiredPersonalData(): Promise<EraseResult>
    /** E-mails each mailbox's overdue and nearly due cases to its notify addresses. */
    remindDue(): Promise<ReminderResult>
    /** The year's figures of 依申请公开 for the annual report. */
    disclosureReport(siteId: number, year: number): Promise<DisclosureReport>
    /** Cases that look like this one again (same sender or same letter), to merge. */
    duplicates(id: number): Promise<readonly Case[]>
    /** CSV of the cases; personal data only with `withPersonal` and the right to read it; audited. */
    exportCsv(query: CaseQuery, withPersonal: boolean): Promise<string>
  }
  /** 意见征集: open one on a draft, read the opinions, publish the 采纳情况 after it ends. */
  readonly consultations: {
    list(siteId: number): Promise<readonly Consultation[]>
    create(input: ConsultationInput): Promise<Consultation>
    opinions(id: number): Promise<readonly Opinion[]>
    summarize(id: number, input: { readonly summary: string }): Promise<Consultation>
    /** The opinions as CSV, names masked, no contact details; audited. */
    exportCsv(id: number): Promise<string>
    /** Sets or removes the questionnaire (调查); fixed once responses have arrived. */
    setQuestionnaire(id: number, input: QuestionnaireInput | null): Promise<Consultation>
    /** The questionnaire's answers counted per question. */
    results(id: number): Promise<QuestionnaireResults>
    /** Every response with its answers as CSV; personal data only with the right; audited. */
    exportResponses(id: number, withPersonal: boolean): Promise<string>
    /** Links a published article as the 结果反馈 of an ended consultation (null unlinks). */
    setFeedback(id: number, articleId: number | null): Promise<Consultation>
    /** An opinion's contact details: the audit administrator only; audited. */
    personal(
      opinionId: number,
    ): Promise<{ readonly name: string | null; readonly phone: string | null; readonly email: string | null }>
  }
  /** The period's 互动交流 figures of the annual report: site administrators only. */
  counts(siteId: number, period: ActivityPeriod): Promise<ActivityCounts>
  readonly calendar: {
    list(year?: number): Promise<readonly CalendarDay[]>
    setYear(year: number, days: readonly CalendarDay[]): Promise<void>
  }
}

export interface Interaction {
  /** The services as `principal` may use them. */
  as(principal: Principal): InteractionDesk
  /** What the public may do, without an account: submit, and follow with the query code. */
  readonly visitors: {
    mailbox(siteId: number, slug: string): Promise<Mailbox>
    mailboxById(id: number): Promise<Mailbox>
    submit(mailbox: Mailbox, submission: Submission): Promise<Receipt>
    lookup(siteId: number, queryCode: string, phoneLast4: string): Promise<PublicCaseStatus | null>
    /** The sender's own copy of their case (audited, with the address it went to). */
    copy(
      siteId: number,
      queryCode: string,
      phoneLast4: string,
      format: CopyFormat,
      address: string,
    ): Promise<ApplicantCopy | null>
    consultation(siteId: number, id: number): Promise<Consultation>
    submitOpinion(
      consultation: Consultation,
      input: OpinionInput,
    ): Promise<{ readonly opinionId: number; readonly receivedAt: string }>
    /**
     * Counts one attempt from an address in a window shared by every server; the seconds to
     * wait when over `limit`, else 0.
     */
    throttle(key: string, limit: number, windowMs: number, now: number): Promise<number>
    /** Spends a public form's token; false when it was spent already, on any server. */
    spendToken(nonce: string, expiresAt: number, now: number): Promise<boolean>
    /** Answered letters the sender agreed to publish, names masked, newest answer first. */
    answers(
      mailbox: Mailbox,
      page: number,
    ): Promise<{ readonly items: readonly PublishedAnswer[]; readonly total: number }>
  }
  /** For the public form's tokens: a keyed digest that reveals nothing without the key. */
  digest(purpose: string, value: string): string
  /** Waits for the e-mail notices in flight. */
  settled(): Promise<void>
}

export function createInteraction(store: Store, options: InteractionOptions): Interaction {
  const service = createServiceContext(store, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.wordingGate ? { wordingGate: options.wordingGate } : {}),
  })
  const ic: InteractionContext = createInteractionContext(store, service, options)
  return {
    as(principal) {
      const actions = createCaseActions(ic, principal)
      return {
        mailboxes: {
          list: (siteId) => listMailboxes(ic, principal, siteId),
          create: (input) => createMailbox(ic, principal, input),
          update: (mailboxId, patch) => updateMailbox(ic, principal, mailboxId, patch),
          grantHandler: (mailboxId, userId, level) => grantHandler(ic, principal, mailboxId, userId, level),
          handlers: (mailboxId) => listHandlers(ic, principal, mailboxId),
          revokeHandler: (mailboxId, userId) => revokeHandler(ic, principal, mailboxId, userId),
        },
        cases: {
          ...actions,
          // An answer goes out on its last approval (or on submission without review levels).
          async submitReply(id) {
            const result = await actions.submitReply(id)
            if (result.status === 'answered') await noticeAnswered(ic, result)
            return result
          },
          async approveReply(id, level) {
            const result = await actions.approveReply(id, level)
            if (result.status === 'answered') await noticeAnswered(ic, result)
            return result
          },
          remindDue: () => remindDue(ic, principal),
          list: (query) => listCases(ic, principal, query),
          get: (id) => getCase(ic, principal, id),
          personal: (id) => readPersonalData(ic, principal, id),
          eraseExpiredPersonalData: () => eraseExpiredPersonalData(ic, principal),
          disclosureReport: (siteId, year) => disclosureReport(ic, principal, siteId, year),
          duplicates: (id) => findDuplicates(ic, principal, id),
          exportCsv: (query, withPersonal) => exportCases(ic, principal, query, withPersonal),
        },
        consultations: {
          list: (siteId) => listConsultations(ic, principal, siteId),
          create: (input) => createConsultation(ic, principal, input),
          opinions: (id) => listOpinions(ic, principal, id),
          summarize: (id, input) => summarizeConsultation(ic, principal, id, input),
          exportCsv: (id) => exportOpinions(ic, principal, id),
          personal: (opinionId) => readOpinionPersonal(ic, principal, opinionId),
          setQuestionnaire: (id, input) => setQuestionnaire(ic, principal, id, input),
          results: (id) => questionnaireResults(ic, principal, id),
          exportResponses: (id, withPersonal) => exportResponses(ic, principal, id, withPersonal),
          setFeedback: (id, articleId) => setFeedback(ic, principal, id, articleId),
        },
        counts: (siteId, period) => countActivity(ic, principal, siteId, period),
        calendar: {
          list: (year) => listCalendarDays(store, year),
          setYear: (year, days) => setCalendarYear(ic, principal, year, days),
        },
      }
    },
    visitors: {
      mailbox: (siteId, slug) => mailboxBySlug(ic, siteId, slug),
      mailboxById: (id) => loadMailbox(store, id),
      submit: (mailbox, submission) => submitCase(ic, mailbox, submission),
      lookup: (siteId, code, last4) => lookupCase(ic, siteId, code, last4),
      copy: (siteId, code, last4, format, address) => applicantCopy(ic, siteId, code, last4, format, address),
      answers: (mailbox, page) => publishedAnswers(ic, mailbox, page),
      consultation: (siteId, id) => publicConsultation(ic, siteId, id),
      submitOpinion: (consultation, input) => submitOpinion(ic, consultation, input),
      throttle: (key, limit, windowMs, now) => takeAddressWindow(store, key, limit, windowMs, now),
      spendToken: (nonce, expiresAt, now) => spendFormToken(store, nonce, expiresAt, now),
    },
    digest: (purpose, value) => ic.cipher.digest(purpose, value),
    settled: () => ic.notices.settled(),
  }
}
