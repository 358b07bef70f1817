import { Form, Input, Modal, Switch } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { SiteSettings } from './admin-types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { showFieldError } from './field-error.ts'

type SiteValues = Pick<
  SiteSettings,
  | 'slug'
  | 'name'
  | 'baseUrl'
  | 'timeZone'
  | 'siteIdCode'
  | 'icp'
  | 'policeRecord'
  | 'sponsor'
  | 'contact'
  | 'orgCode'
  | 'articleUrlPattern'
  | 'sharesSearch'
  | 'watermark'
>

/** The settings a site's pages show (footer: 网站标识码, 备案号, 主办单位…), with their limits. */
const OPTIONAL_FIELDS: readonly { name: keyof SiteValues; max: number; label: MessageKey }[] = [
  { name: 'sponsor', max: 200, label: 'siteSponsor' },
  { name: 'siteIdCode', max: 32, label: 'siteIdCode' },
  { name: 'icp', max: 100, label: 'siteIcp' },
  { name: 'policeRecord', max: 100, label: 'sitePoliceRecord' },
  { name: 'orgCode', max: 32, label: 'siteOrgCode' },
  { name: 'contact', max: 500, label: 'siteContact' },
  { name: 'watermark', max: 40, label: 'siteWatermark' },
]

const FIELDS = [
  'slug',
  'name',
  'baseUrl',
  'timeZone',
  'articleUrlPattern',
  'sharesSearch',
  ...OPTIONAL_FIELDS.map((field) => field.name),
]

/** The server's default (src/content/article-url-pattern.ts): the URLs fabu always gave. */
const DEFAULT_ARTICLE_URL_PATTERN = '{column}/{yyyy}/{mm}/{dd}/{id}.html'

/** The help text names the tokens literally, where t() would fill them in. */
const PATTERN_TOKENS = { column: '{column}', yyyy: '{yyyy}', mm: '{mm}', dd: '{dd}', id: '{id}' }

export interface SiteFormModalProps {
  /** The site to change; none to create one. */
  readonly site?: SiteSettings
  onSaved(site: SiteSettings): void
  onClose(): void
}

/** Creates a site, or changes one's settings (sending only what changed). */
export function SiteFormModal({ site, onSaved, onClose }: SiteFormModalProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<SiteValues>()
  const [error, setError] = useState<unknown>(null)
  const [isSaving, setSaving] = useState(false)

  async function submit(values: SiteValues) {
    setError(null)
    setSaving(true)
    try {
      const changed = site
        ? Object.fromEntries(
            Object.entries(values).filter(([key, value]) => site[key as keyof SiteValues] !== value),
          )
        : values
      onSaved(
        site
          ? await api<SiteSettings>('PATCH', `/api/sites/${site.id}`, changed)
          : await api<SiteSettings>('POST', '/api/sites', values),
      )
    } catch (caught) {
      if (!showFieldError(form, caught, FIELDS)) setError(caught)
    } finally {
      setSaving(false)
    }
  }

  const initial: Partial<SiteValues> = site ?? {
    timeZone: 'Asia/Shanghai',
    articleUrlPattern: DEFAULT_ARTICLE_URL_PATTERN,
    sharesSearch: false,
  }
  return (
    <Modal
      open
      title={site ? t('editSiteOf', { name: site.name }) : t('createSite')}
      okText={site ? t('save') : t('create')}
      cancelText={t('cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <ErrorAlert error={error} />
      <Form<SiteValues>
        form={form}
        name={site ? `site-${site.id}` : 'create-site'}
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('siteName')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="slug"
          label={t('siteSlug')}
          extra={t('siteSlugHelp')}
          rules={[{ required: true }, { pattern: /^[a-z0-9][a-z0-9-]{0,62}$/, message: t('siteSlugRule') }]}
        >
          <Input autoComplete="off" disabled={site !== undefined} />
        </Form.Item>
        <Form.Item name="baseUrl" label={t('siteBaseUrl')} rules={[{ required: true, type: 'url' }]}>
          <Input autoComplete="off" placeholder="https://www.example.gov.cn" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('siteTimeZone')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="articleUrlPattern"
          label={t('siteArticleUrlPattern')}
          extra={t('siteArticleUrlPatternHelp', PATTERN_TOKENS)}
          rules={[{ required: true, max: 200 }]}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="sharesSearch"
          label={t('siteSharesSearch')}
          extra={t('siteSharesSearchHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {OPTIONAL_FIELDS.map((field) => (
          <Form.Item key={field.name} name={field.name} label={t(field.label)} rules={[{ max: field.max }]}>
            {field.name === 'contact' ? <Input.TextArea rows={2} /> : <Input autoComplete="off" />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  )
}
