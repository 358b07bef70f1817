import { Result } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { SessionView, Site } from '../types.ts'

export interface PublishingProps {
  readonly site: Site
  readonly session: SessionView
}

/** Publishing: the plan preview, publish jobs with progress, the manifest history (issue 5). */
export function Publishing(_props: PublishingProps) {
  const { t } = useI18n()
  return <Result status="info" title={t('comingSoon')} />
}
