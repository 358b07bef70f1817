import { Result } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { SessionView, Site } from '../types.ts'

export interface AdministrationProps {
  readonly session: SessionView
  readonly sites: readonly Site[]
}

/** Users and grants, sites, the audit log, the recycle bin (issue 5). */
export function Administration(_props: AdministrationProps) {
  const { t } = useI18n()
  return <Result status="info" title={t('comingSoon')} />
}
