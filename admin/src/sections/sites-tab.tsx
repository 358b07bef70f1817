import { App, Button, Space, Table } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { SessionView } from '../types.ts'
import type { SiteSettings } from './admin-types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { administersSystem, managesSite } from './roles.ts'
import { SiteFormModal } from './site-form-modal.tsx'

/**
 * Sites: system administrators create them and change any; a site administrator changes the
 * settings of the sites they administer.
 */
export function SitesTab({ session }: { session: SessionView }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const isSystem = administersSystem(session)
  const [sites, setSites] = useState<readonly SiteSettings[]>([])
  const [error, setError] = useState<unknown>(null)
  const [isLoading, setLoading] = useState(true)
  const [reloads, setReloads] = useState(0)
  /** The site in the form: one to change, null for a new one, undefined for no form. */
  const [editing, setEditing] = useState<SiteSettings | null | undefined>(undefined)

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads asks again on purpose
  useEffect(() => {
    setLoading(true)
    api<{ items: SiteSettings[] }>('GET', '/api/sites')
      .then(({ items }) => {
        setSites(items.filter((site) => isSystem || managesSite(session, site.id)))
        setError(null)
      }, setError)
      .finally(() => setLoading(false))
  }, [reloads])

  return (
    <section aria-label={t('tabSites')}>
      {isSystem && (
        <Space className="tab-toolbar">
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('createSite')}
          </Button>
        </Space>
      )}
      <ErrorAlert error={error} />
      <Table<SiteSettings>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={[...sites]}
        pagination={false}
        columns={[
          { title: t('siteName'), dataIndex: 'name', key: 'name' },
          { title: t('siteSlug'), dataIndex: 'slug', key: 'slug' },
          { title: t('siteBaseUrl'), dataIndex: 'baseUrl', key: 'baseUrl' },
          { title: t('siteSponsor'), dataIndex: 'sponsor', key: 'sponsor' },
          { title: t('siteTimeZone'), dataIndex: 'timeZone', key: 'timeZone' },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, site) => (
              <Button
                size="small"
                onClick={() => setEditing(site)}
                aria-label={t('editSiteOf', { name: site.name })}
              >
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <SiteFormModal
          {...(editing ? { site: editing } : {})}
          onClose={() => setEditing(undefined)}
          onSaved={(site) => {
            message.success(t(editing ? 'siteSaved' : 'siteCreated', { name: site.name }))
            setEditing(undefined)
            setReloads((n) => n + 1)
          }}
        />
      )}
    </section>
  )
}
