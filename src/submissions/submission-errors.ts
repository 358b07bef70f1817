import { defineError } from '../errors/index.ts'

/** The column takes no submissions from that site (its site has not opened it to the unit). */
export class SubmissionColumnClosedError extends defineError(
  'SUBMISSION_COLUMN_CLOSED',
  403,
  (columnName: string) => ({
    zh: `栏目“${columnName}”不接收本单位的报送，请联系接收站点的管理员开放`,
    en: `column "${columnName}" takes no submissions from this site; ask the receiving site's administrator to open it`,
  }),
) {}

/** The article waits in that column's inbox already, or was adopted there. */
export class SubmissionRepeatedError extends defineError('SUBMISSION_REPEATED', 409, {
  zh: '这篇文章已报送到该栏目，请勿重复报送',
  en: 'this article was submitted to that column already',
}) {}

/** 退回 tells the submitter why; an empty reason tells them nothing. */
export class SubmissionReasonRequiredError extends defineError('SUBMISSION_NO_REASON', 422, {
  zh: '退回报送须填写理由',
  en: 'returning a submission needs a reason',
}) {}

/** Only editors of the target column decide on a submission (another site's are not yours). */
export class SubmissionNotYoursError extends defineError('SUBMISSION_NOT_YOURS', 403, {
  zh: '无权处理该报送：它报送给的栏目不由您编辑',
  en: 'not allowed to handle this submission: you do not edit the column it was sent to',
}) {}

/** It was adopted, returned or ignored already. */
export class SubmissionDecidedError extends defineError('SUBMISSION_DECIDED', 409, {
  zh: '该报送已处理过',
  en: 'this submission was handled already',
}) {}
