import { Button, Layout, Segmented, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { ColumnSider } from '../columns/column-sider.tsx'
import { useColumnTree } from '../columns/use-column-tree.ts'
import { rightsIn } from '../editor/rights.ts'
import { useI18n } from '../i18n.tsx'
import { LanguageSwitch } from '../language-switch.tsx'
import type { SessionView, Site } from '../types.ts'
import { Administration } from './administration.tsx'
import { ArticleEditor } from './article-editor.tsx'
import { ArticleList } from './article-list.tsx'
import { Consultations } from './consultations.tsx'
import { Dashboard } from './dashboard.tsx'
import { Inbox } from './inbox.tsx'
import { InteractionSettings } from './interaction-settings.tsx'
import { Publishing } from './publishing.tsx'
import { SiteImport } from './site-import.tsx'
import { Templates } from './templates.tsx'

type Section =
  | 'dashboard'
  | 'articles'
  | 'inbox'
  | 'consultations'
  | 'interactionSettings'
  | 'publishing'
  | 'templates'
  | 'import'
  | 'administration'

const CONTENT_ROLES = ['admin', 'site_admin', 'editor', 'reviewer']

export function SiteConsole({ session, onSignedOut }: { session: SessionView; onSignedOut(): void }) {
  const { t } = useI18n()
  const [sites, setSites] = useState<readonly Site[] | null>(null)
  const [siteId, setSiteId] = useState<number | null>(null)
  // A user holding no role at all reaches the admin only as a mailbox handler (issue 14): the
  // server lists just the sites whose mailboxes they answer, and the inbox is all they are shown
  // (no column tree, which the server would refuse them).
  const handlesOnly = session.user.grants.length === 0
  const { columns, reload: reloadColumns } = useColumnTree(handlesOnly ? null : siteId)
  const [columnId, setColumnId] = useState<number | null>(null)
  // The three administrators of 三员分立 hold no content role: they work in administration only.
  const worksOnContent = session.user.grants.some((grant) => CONTENT_ROLES.includes(grant.role))
  const [section, setSection] = useState<Section>(
    worksOnContent ? 'articles' : handlesOnly ? 'inbox' : 'administration',
  )
  /** The article open in the editor: an id, null for a new one, undefined for the list. */
  const [editing, setEditing] = useState<number | null | undefined>(undefined)
  const site = (sites ?? []).find((candidate) => candidate.id === siteId)
  const managesSite = siteId !== null && rightsIn(session.user.grants, siteId, []).isSiteAdmin

  // Sites are read again on leaving the administration section, which may have created one.
  const [sitesVersion, setSitesVersion] = useState(0)
  useEffect(() => {
    void sitesVersion
    api<{ items: Site[] }>('GET', '/api/sites')
      .then(({ items }) => {
        setSites(items)
        setSiteId((current) => (items.some((site) => site.id === current) ? current : (items[0]?.id ?? null)))
      })
      .catch(() => setSites([]))
  }, [sitesVersion])

  useEffect(() => {
    void siteId
    setColumnId(null)
  }, [siteId])

  async function signOut() {
    await api('DELETE', '/api/session').catch(() => undefined)
    onSignedOut()
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
            onChange={(value: number) => setSiteId(value)}
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
              onSelect={setColumnId}
              onChanged={reloadColumns}
            />
          </Layout.Sider>
        )}
        <Layout.Content className="site-console-content">
          <Segmented<Section>
            className="section-switch"
            aria-label={t('sections')}
            value={section}
            onChange={(next) => {
              if (section === 'administration') setSitesVersion((version) => version + 1)
              setSection(next)
              setEditing(undefined)
            }}
            options={[
              ...(worksOnContent
                ? [
                    { value: 'dashboard' as const, label: t('sectionDashboard') },
                    { value: 'articles' as const, label: t('sectionArticles') },
                    { value: 'publishing' as const, label: t('sectionPublishing') },
                    { value: 'templates' as const, label: t('sectionTemplates') },
                  ]
                : []),
              // Handlers of a mailbox may hold no content role: the inbox is everyone's.
              { value: 'inbox' as const, label: t('sectionInbox') },
              ...(handlesOnly
                ? []
                : [
                    { value: 'consultations' as const, label: t('sectionConsultations') },
                    { value: 'interactionSettings' as const, label: t('sectionInteractionSettings') },
                    ...(managesSite ? [{ value: 'import' as const, label: t('sectionImport') }] : []),
                    { value: 'administration' as const, label: t('sectionAdministration') },
                  ]),
            ]}
          />
          {section === 'administration' ? (
            <Administration session={session} sites={sites ?? []} />
          ) : !site ? (
            <Typography.Paragraph>{sites === null ? t('loading') : t('noSite')}</Typography.Paragraph>
          ) : section === 'dashboard' ? (
            <Dashboard
              key={site.id}
              site={site}
              session={session}
              onOpenArticle={(id) => {
                setSection('articles')
                setEditing(id)
              }}
            />
          ) : section === 'inbox' ? (
            <Inbox key={site.id} site={site} />
          ) : section === 'consultations' ? (
            <Consultations key={site.id} site={site} />
          ) : section === 'interactionSettings' ? (
            <InteractionSettings key={site.id} site={site} />
          ) : section === 'import' ? (
            <SiteImport key={site.id} site={site} />
          ) : section === 'templates' ? (
            <Templates key={site.id} site={site} session={session} />
          ) : section === 'publishing' ? (
            <Publishing key={site.id} site={site} session={session} />
          ) : editing !== undefined ? (
            <ArticleEditor
              site={site}
              articleId={editing}
              columnId={columnId}
              session={session}
              onClose={() => setEditing(undefined)}
            />
          ) : (
            <ArticleList
              key={`${site.id}:${columnId}`}
              site={site}
              columnId={columnId}
              columns={columns}
              grants={session.user.grants}
              onOpen={(id) => setEditing(id)}
            />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
