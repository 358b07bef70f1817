import { useQuery } from '@tanstack/react-query'
import { Alert, Button } from 'antd'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { AuditVerification } from './admin-types.ts'
import { ErrorAlert } from './error-alert.tsx'

/** The server's reasons (src/content/audit-log.ts), in the screen's language. */
const REASONS: Readonly<Record<string, MessageKey>> = {
  'link to the previous record does not match': 'auditReasonLink',
  'record content does not match its hash': 'auditReasonHash',
  'records are missing from the end of the log': 'auditReasonMissing',
}

/** Whether the audit log's hash chain is intact, or the first record where it breaks. */
export function AuditVerificationAlert() {
  const { t } = useI18n()
  const verification = useQuery<AuditVerification>({ queryKey: ['/api/audit/verify'] })
  // While checking again, the screen says so instead of the last answer.
  const result = verification.isFetching ? null : (verification.data ?? null)
  const error = verification.isFetching ? null : verification.error

  const again = (
    <Button size="small" onClick={() => void verification.refetch()}>
      {t('verifyAgain')}
    </Button>
  )
  if (error) return <ErrorAlert error={error} />
  if (!result) return <Alert type="info" title={t('auditVerifying')} className="section-alert" />
  if (result.isIntact) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('auditIntact', { n: result.checked })}
        action={again}
        className="section-alert"
      />
    )
  }
  const reason = result.reason ? REASONS[result.reason] : undefined
  return (
    <Alert
      type="error"
      showIcon
      title={result.brokenAt === undefined ? t('auditBroken') : t('auditBrokenAt', { id: result.brokenAt })}
      description={`${reason ? t(reason) : (result.reason ?? '')} ${t('auditCheckedBefore', { n: result.checked })}`}
      action={again}
      className="section-alert"
    />
  )
}
