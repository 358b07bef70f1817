import { Alert } from 'antd'
import { ApiFailure } from '../api.ts'
import { useI18n } from '../i18n.tsx'

/** The server's own words for a failure (already in the user's language), else a general one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n()
  return (error) => (error instanceof ApiFailure ? error.message : t('requestFailed'))
}

/** A refusal or failure shown in place, e.g. the 403 of a user without the right. */
export function ErrorAlert({ error }: { error: unknown }) {
  const errorText = useErrorText()
  if (!error) return null
  return <Alert type="error" showIcon title={errorText(error)} className="section-alert" />
}
