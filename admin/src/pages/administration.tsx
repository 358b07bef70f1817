import { Result, Tabs } from 'antd'
import { useI18n } from '../i18n.tsx'
import { AuditTab } from '../sections/audit-tab.tsx'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import { RecycleBinTab } from '../sections/recycle-bin-tab.tsx'
import { holdsRole } from '../sections/roles.ts'
import { SearchTab } from '../sections/search-tab.tsx'
import { SitesTab } from '../sections/sites-tab.tsx'
import { UsersTab } from '../sections/users-tab.tsx'
import '../sections/sections.css'
import type { SessionView, Site } from '../types.ts'

export interface AdministrationProps {
  readonly session: SessionView
  readonly sites: readonly Site[]
}

/**
 * Users and grants, sites, the audit log, the recycle bin (issue 5): each tab shown to the
 * roles that work there. The audit log is the audit administrator's alone (三员分立).
 */
export function Administration({ session, sites }: AdministrationProps) {
  const { t } = useI18n()
  const tabs = [
    holdsRole(session, 'admin', 'system_admin', 'security_admin') && {
      key: 'users',
      label: t('tabUsers'),
      children: <UsersTab session={session} sites={sites} />,
    },
    holdsRole(session, 'admin', 'system_admin', 'site_admin') && {
      key: 'sites',
      label: t('tabSites'),
      children: <SitesTab session={session} />,
    },
    holdsRole(session, 'audit_admin') && {
      key: 'audit',
      label: t('tabAudit'),
      children: <AuditTab />,
    },
    holdsRole(session, 'admin', 'system_admin', 'site_admin') && {
      key: 'search',
      label: t('tabSearch'),
      children: <SearchTab sites={sites} canEdit={holdsRole(session, 'admin', 'site_admin')} />,
    },
    holdsRole(session, 'admin', 'system_admin', 'site_admin', 'editor') && {
      key: 'recycle-bin',
      label: t('tabRecycleBin'),
      children: <RecycleBinTab session={session} sites={sites} />,
    },
  ].filter((tab) => tab !== false)

  return (
    <PlainButtons>
      <section aria-labelledby="administration-title" className="section-page">
        <h2 id="administration-title" className="section-title">
          {t('administrationTitle')}
        </h2>
        {tabs.length === 0 ? (
          <Result status="info" title={t('noAdministration')} />
        ) : (
          <Tabs items={tabs} destroyOnHidden />
        )}
      </section>
    </PlainButtons>
  )
}
