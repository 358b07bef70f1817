export type { ActivityCounts, ActivityPeriod, ReceivedAnswered } from './activity-counts.ts'
export { type CountedWindow, countAddressWindow } from './address-window.ts'
export {
  type Case,
  type CaseStatus,
  caseStatuses,
  caseStatusLabels,
  type PersonalData,
  type ReplyState,
} from './case.ts'
export {
  type AnswerType,
  answerTypeLabels,
  answerTypes,
  assignInputSchema,
  reasonSchema,
  replyInputSchema,
  SUBMISSION_LIMITS,
  type Submission,
  submissionSchema,
} from './case-inputs.ts'
export type { ReminderResult } from './case-notices.ts'
export type { CaseQuery } from './case-service.ts'
export {
  type Consultation,
  type ConsultationInput,
  type ConsultationState,
  consultationInputSchema,
  consultationStateLabels,
  type Opinion,
  type OpinionInput,
  summaryInputSchema,
} from './consultation.ts'
export { type DisclosureReport, disclosureReportCsv, disclosureReportRows } from './disclosure-report.ts'
export type { EraseResult } from './erase-expired.ts'
export { createInteraction, type Interaction, type InteractionDesk } from './interaction.ts'
export type { InteractionOptions } from './interaction-context.ts'
export {
  defaultDeadlineDays,
  type Mailbox,
  type MailboxInput,
  type MailboxKind,
  type MailboxPatch,
  mailboxInputSchema,
  mailboxKindLabels,
  mailboxKinds,
  mailboxPatchSchema,
} from './mailbox.ts'
export type { MailboxHandler } from './mailbox-handlers.ts'
export { maskName } from './mask-name.ts'
export type { Notice, Notifier } from './notifier.ts'
export {
  createPublicDesk,
  type PublicAnswer,
  type PublicDesk,
  type PublicDeskOptions,
  type Visit,
} from './public-desk.ts'
export {
  type Answers,
  QUESTIONNAIRE_LIMITS,
  type Question,
  type Questionnaire,
  type QuestionnaireInput,
  type QuestionType,
  questionnaireInputSchema,
  questionTypeLabels,
  questionTypes,
} from './questionnaire.ts'
export type { QuestionnaireResults, QuestionResult } from './questionnaire-service.ts'
export { createSmtpNotifier, type SmtpSettings } from './smtp-notifier.ts'
export type { PublicCaseStatus, Receipt } from './submit-case.ts'
export { type CalendarDay, calendarDaysSchema } from './work-calendar.ts'
export {
  addWorkingDays,
  type ClockPause,
  type Deadline,
  deadlineOf,
  isWorkingDay,
  type Urgency,
  type WorkCalendar,
  workingDaysBetween,
} from './working-days.ts'
