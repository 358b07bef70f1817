import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n.tsx'
import { dateItem } from './date-items.ts'
import type { EditorColumn, FieldDefinition } from './types.ts'

/** The fields a column asks its articles for (its fieldSchema), each control after its type. */
export function CustomFieldItems({ column }: { column: EditorColumn }) {
  const { t } = useI18n()
  if (column.fieldSchema.length === 0) return null
  return (
    <fieldset className="field-group">
      <legend>{t('editor.customFields')}</legend>
      {column.fieldSchema.map((field) => (
        <Form.Item
          key={field.name}
          name={['customFields', field.name]}
          label={field.label}
          rules={[
            ...(field.isRequired
              ? [{ required: true, message: t('editor.fieldRequired', { label: field.label }) }]
              : []),
            ...(field.type === 'url'
              ? [{ pattern: /^https?:\/\/\S+$/, message: t('editor.urlInvalid') }]
              : []),
          ]}
          {...(field.type === 'boolean' ? { valuePropName: 'checked' } : {})}
          {...(field.type === 'date' ? dateItem : {})}
        >
          {controlFor(field)}
        </Form.Item>
      ))}
    </fieldset>
  )
}

function controlFor(field: FieldDefinition): ReactNode {
  switch (field.type) {
    case 'number':
      return <InputNumber className="full-width" />
    case 'date':
      return <DatePicker className="full-width" />
    case 'select':
      return (
        <Select
          allowClear
          options={(field.options ?? []).map((option) => ({ value: option, label: option }))}
        />
      )
    case 'boolean':
      return <Switch />
    case 'url':
      return <Input type="url" placeholder="https://" />
    case 'text':
      return <Input maxLength={field.maxLength ?? 10_000} />
  }
}

/** 政府信息公开 fields, asked in disclosure columns; the 索引号 is the server's to give. */
export function DisclosureItems({ indexNo }: { indexNo: string | null }) {
  const { t } = useI18n()
  return (
    <fieldset className="field-group">
      <legend>{t('editor.disclosure')}</legend>
      {indexNo ? (
        <p className="index-no">
          {t('editor.indexNo')}：{indexNo}
        </p>
      ) : null}
      <Form.Item
        name={['disclosure', 'topicCategory']}
        label={t('editor.topicCategory')}
        rules={[{ required: true, whitespace: true, message: t('editor.topicCategoryRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name={['disclosure', 'issuingAgency']}
        label={t('editor.issuingAgency')}
        rules={[{ required: true, whitespace: true, message: t('editor.issuingAgencyRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={['disclosure', 'documentNo']} label={t('editor.documentNo')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={['disclosure', 'writtenDate']} label={t('editor.writtenDate')} {...dateItem}>
        <DatePicker className="full-width" />
      </Form.Item>
      <Form.Item name={['disclosure', 'subjectWords']} label={t('editor.subjectWords')}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
    </fieldset>
  )
}
