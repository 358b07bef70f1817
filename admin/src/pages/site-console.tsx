import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Layout, Segmented, Select, Space, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Navigate, Outlet, useLocation, useMatch, useNavigate, useSearchParams } from 'react-router'
import { api } from '../api.ts'
import { ColumnSider } from '../columns/column-sider.tsx'
import { useColumnTree } from '../columns/use-column-tree.ts'
import { ConsoleContext, type ConsoleState } from '../console-context.ts'
import { useI18n } from '../i18n.tsx'
import { LanguageSwitch } from '../language-switch.tsx'
import { type Section, sectionOf, sectionPath } from '../screen-paths.ts'
import { useSession } from '../session-context.ts'
import type { Site } from '../types.ts'

const CONTENT_ROLES = ['admin', 'site_admin', 'editor', 'reviewer']

/** The query key of the sites the user sees, for screens that create or change one. */
export const SITES_KEY = ['/api/sites'] as const

/**
 * The admin's frame: header with the site switch, the column tree, the section switch, and the
 * screen the URL names (routes.tsx) below them.
 */
export function SiteConsole() {
  const { t } = useI18n()
  const { session, signedOut } = useSession()
  const client = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const [searchParams] = useSearchParams()
  const { data: sites } = useQuery({
    queryKey: SITES_KEY,
    select: (answer: { items: Site[] }) => answer.items,
  })
  const inSite = useMatch('/sites/:siteId/*')
  // Under /administration the sider keeps the site last worked on.
  const [lastSiteId, setLastSiteId] = useState<number | null>(null)
  const urlSiteId = inSite ? Number(inSite.params.siteId) : null
  useEffect(() => {
    if (urlSiteId !== null) setLastSiteId(urlSiteId)
  }, [urlSiteId])
  const siteId = urlSiteId ?? lastSiteId ?? sites?.[0]?.id ?? null
  const site = (sites ?? []).find((candidate) => candidate.id === siteId) ?? null
  const section = sectionOf(location.pathname)
  const column = searchParams.get('column')
  const columnId = column && /^\d+$/.test(column) ? Number(column) : null
  // A user holding no role at all reaches the admin only as a mailbox handler (issue 14): the
  // server lists just the sites whose mailboxes they answer, and the inbox is all they are shown
  // (no column tree, which the server would refuse them).
  const handlesOnly = session.user.grants.length === 0
  const { columns, reload: reloadColumns } = useColumnTree(handlesOnly ? null : siteId)
  // The three administrators of 三员分立 hold no content role: they work in administration only.
  const worksOnContent = session.user.grants.some((grant) => CONTENT_ROLES.includes(grant.role))
  // What the server says the user may do in the site: a tab they could not use is not offered
  // (visiting one would only be refused, and every refusal is audited).
  const mayInSite = (action: string) => site?.allowedActions.includes(action) ?? false
  const managesSite = mayInSite('manageColumns')
  const state = useMemo<ConsoleState>(
    () => ({ session, sites: sites ?? [], site, columns, columnId, reloadColumns }),
    [session, sites, site, columns, columnId, reloadColumns],
  )

  const start: Section = worksOnContent ? 'articles' : handlesOnly ? 'inbox' : 'administration'
  if (location.pathname === '/' && sites)
    return <Navigate to={sectionPath(start, sites[0]?.id ?? null)} replace />

  /** Goes to `next` of the site, keeping the chosen column for the article list. */
  function go(next: Section, nextSiteId = siteId, keepsColumn = true) {
    const query = keepsColumn && columnId !== null && nextSiteId === siteId ? `?column=${columnId}` : ''
    // The site list may have changed in administration (a site created there).
    if (section === 'administration') void client.invalidateQueries({ queryKey: SITES_KEY })
    navigate(sectionPath(next, nextSiteId) + query)
  }

  async function signOut() {
    await api('DELETE', '/api/session').catch(() => undefined)
    signedOut()
    navigate('/')
  }

  return (
    <Layout className="site-console">
      <Layout.Header className="site-console-header">
        <Typography.Title level={1} className="brand">
          {t('appName')}
        </Typography.Title>
        <Space>
          <label htmlFor="site-select" className="visually-hidden">
            {t('site')}
          </label>
          <Select
            id="site-select"
            aria-label={t('site')}
            className="site-select"
            value={siteId ?? undefined}
            options={(sites ?? []).map((site) => ({ value: site.id, label: site.name }))}
            onChange={(value: number) =>
              section === 'administration'
                ? setLastSiteId(value)
                : go(section === 'editor' ? 'articles' : section, value, false)
            }
            notFoundContent={t('noSite')}
          />
          <LanguageSwitch />
          <span className="user-name">{session.user.displayName}</span>
          <Button onClick={signOut}>{t('signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        {handlesOnly ? null : (
          <Layout.Sider width={260} theme="light" className="site-console-sider">
            <ColumnSider
              key={siteId}
              siteId={siteId}
              columns={columns}
              isManager={managesSite}
              selectedId={columnId}
              onSelect={(id) =>
                navigate(`${sectionPath('articles', siteId)}${id === null ? '' : `?column=${id}`}`)
              }
              onChanged={reloadColumns}
            />
          </Layout.Sider>
        )}
        <Layout.Content className="site-console-content">
          <Segmented<Section>
            className="section-switch"
            aria-label={t('sections')}
            value={section === 'editor' ? 'articles' : section === 'inspection' ? 'dashboard' : section}
            onChange={(next) => go(next)}
            options={[
              ...(worksOnContent
                ? [
                    { value: 'dashboard' as const, label: t('sectionDashboard') },
                    { value: 'articles' as const, label: t('sectionArticles') },
                    ...(mayInSite('publish')
                      ? [{ value: 'publishing' as const, label: t('sectionPublishing') }]
                      : []),
                    // Those who may not change the templates still read them (read-only, saying why).
                    ...(mayInSite('read')
                      ? [{ value: 'templates' as const, label: t('sectionTemplates') }]
                      : []),
                    { value: 'submissions' as const, label: t('sectionSubmissions') },
                  ]
                : []),
              // Handlers of a mailbox may hold no content role: the inbox is everyone's.
              { value: 'inbox' as const, label: t('sectionInbox') },
              ...(handlesOnly
                ? []
                : [
                    { value: 'consultations' as const, label: t('sectionConsultations') },
                    ...(mayInSite('manageInteraction')
                      ? [{ value: 'interactionSettings' as const, label: t('sectionInteractionSettings') }]
                      : []),
                    ...(mayInSite('import') ? [{ value: 'import' as const, label: t('sectionImport') }] : []),
                    ...(managesSite ? [{ value: 'statistics' as const, label: t('sectionStatistics') }] : []),
                    { value: 'administration' as const, label: t('sectionAdministration') },
                  ]),
            ]}
          />
          <ConsoleContext value={state}>
            {section === 'administration' || site ? (
              <Outlet />
            ) : (
              <Typography.Paragraph>{sites === undefined ? t('loading') : t('noSite')}</Typography.Paragraph>
            )}
          </ConsoleContext>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
