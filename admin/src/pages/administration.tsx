import { Result, Spin, Tabs } from 'antd'
import { lazy, Suspense } from 'react'
import { useI18n } from '../i18n.tsx'
import { AuditTab } from '../sections/audit-tab.tsx'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import { RecycleBinTab } from '../sections/recycle-bin-tab.tsx'
import { administersSecurity, administersSystem, readsAudit } from '../sections/roles.ts'
import { SearchTab } from '../sections/search-tab.tsx'
import { SitesTab } from '../sections/sites-tab.tsx'
import { UsersTab } from '../sections/users-tab.tsx'
import '../sections/sections.css'
import type { SessionView, Site } from '../types.ts'

// The chart library comes with the tab, not with 系统管理.
const SiteGroupTab = lazy(() => import('../statistics/site-group-tab.tsx'))

export interface AdministrationProps {
  readonly session: SessionView
  readonly sites: readonly Site[]
  /** The tab in the URL (`/administration/users`); the first one the user may see without it. */
  readonly tab?: string | undefined
  onTab?(key: string): void
}

/**
 * Users and grants, sites, the audit log, the recycle bin (issue 5): each tab shown to the
 * roles that work there. The audit log is the audit administrator's alone (三员分立).
 */
export function Administration({ session, sites, tab, onTab }: AdministrationProps) {
  const { t } = useI18n()
  // What the server says the user may do: in the installation (session) and in each site.
  const mayInAnySite = (action: string) => sites.some((site) => site.allowedActions.includes(action))
  const tabs = [
    (administersSystem(session) || administersSecurity(session)) && {
      key: 'users',
      label: t('tabUsers'),
      children: <UsersTab session={session} sites={sites} />,
    },
    (administersSystem(session) || mayInAnySite('manageSettings')) && {
      key: 'sites',
      label: t('tabSites'),
      children: <SitesTab session={session} />,
    },
    readsAudit(session) && {
      key: 'audit',
      label: t('tabAudit'),
      children: <AuditTab sites={sites} />,
    },
    (administersSystem(session) || mayInAnySite('manageSettings')) && {
      key: 'search',
      label: t('tabSearch'),
      children: <SearchTab sites={sites} canEdit={mayInAnySite('manageColumns')} />,
    },
    administersSystem(session) && {
      key: 'statistics',
      label: t('tabSiteGroupStatistics'),
      children: (
        <Suspense fallback={<Spin />}>
          <SiteGroupTab />
        </Suspense>
      ),
    },
    (administersSystem(session) || mayInAnySite('write')) && {
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
          <Tabs
            items={tabs}
            destroyOnHidden
            activeKey={tabs.some((item) => item.key === tab) ? tab : tabs[0]?.key}
            {...(onTab ? { onChange: onTab } : {})}
          />
        )}
      </section>
    </PlainButtons>
  )
}
