import { Button, Form, Select } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { SessionView, Site } from '../types.ts'
import type { UserAccount } from './admin-types.ts'
import { ColumnPicker } from './column-picker.tsx'
import { ErrorAlert } from './error-alert.tsx'
import { showFieldError } from './field-error.ts'
import { INSTALLATION_ROLES, ROLES, type Role, readsSite } from './roles.ts'
import { SiteIdSelect } from './site-id-select.tsx'

interface GrantValues {
  role?: Role
  siteId?: number
  columnId?: number | null
  reviewLevel?: number
}

export interface GrantFormProps {
  readonly session: SessionView
  readonly user: UserAccount
  readonly sites: readonly Site[]
  onGranted(user: UserAccount): void
}

/**
 * Grants a role to a user: in a site, optionally only in a column subtree, and for reviewers
 * optionally at one review level. Installation roles are offered too; the server refuses them
 * (they are granted at the server only) and the refusal is shown.
 */
export function GrantForm({ session, user, sites, onGranted }: GrantFormProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<GrantValues>()
  const role = Form.useWatch('role', form)
  const siteId = Form.useWatch('siteId', form)
  const [error, setError] = useState<unknown>(null)
  const [isSaving, setSaving] = useState(false)
  const takesSite = role !== undefined && !INSTALLATION_ROLES.includes(role)
  const takesColumn = role === 'editor' || role === 'reviewer'

  async function submit(values: GrantValues) {
    setError(null)
    setSaving(true)
    try {
      const updated = await api<UserAccount>('POST', `/api/users/${user.id}/grants`, {
        role: values.role,
        siteId: takesSite ? (values.siteId ?? null) : null,
        columnId: takesColumn ? (values.columnId ?? null) : null,
        reviewLevel: role === 'reviewer' ? (values.reviewLevel ?? null) : null,
      })
      form.resetFields()
      onGranted(updated)
    } catch (caught) {
      if (!showFieldError(form, caught, ['role', 'siteId', 'columnId', 'reviewLevel'])) setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<GrantValues>
      form={form}
      name={`grant-${user.id}`}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      onValuesChange={(changed: GrantValues) => {
        if ('siteId' in changed) form.setFieldValue('columnId', null)
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item name="role" label={t('role')} rules={[{ required: true }]}>
        <Select<Role>
          className="form-wide"
          options={ROLES.map((value) => ({ value, label: t(`role.${value}` as MessageKey) }))}
        />
      </Form.Item>
      {takesSite && (
        <Form.Item
          name="siteId"
          label={t('site')}
          rules={[{ required: true }]}
          {...(sites.length === 0 ? { extra: t('siteNumberHelp') } : {})}
        >
          <SiteIdSelect sites={sites} />
        </Form.Item>
      )}
      {takesColumn && (
        <Form.Item name="columnId" label={t('grantColumn')} extra={t('grantColumnHelp')}>
          <ColumnPicker siteId={siteId} isTreeReadable={siteId !== undefined && readsSite(session, siteId)} />
        </Form.Item>
      )}
      {role === 'reviewer' && (
        <Form.Item name="reviewLevel" label={t('reviewLevel')}>
          <Select<number>
            className="form-wide"
            allowClear
            placeholder={t('allLevels')}
            options={[1, 2, 3].map((level) => ({ value: level, label: t(`level.${level}` as MessageKey) }))}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {t('addGrant')}
      </Button>
    </Form>
  )
}
