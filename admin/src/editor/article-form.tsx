import { Form, type FormInstance, Input } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { BodyEditor } from './body-editor.tsx'
import type { EditorValues } from './editor-values.ts'
import { SideFields } from './side-fields.tsx'
import type { EditorColumn } from './types.ts'
import type { MarkedWord } from './wording-highlight.ts'

interface ArticleFormProps {
  readonly form: FormInstance<EditorValues>
  readonly initialValues: EditorValues
  /** Changes when the values are loaded anew, so the body editor is remade with them. */
  readonly bodyKey: number
  readonly isReadOnly: boolean
  readonly site: Site
  readonly columns: readonly EditorColumn[]
  readonly homeColumn: EditorColumn | undefined
  readonly indexNo: string | null
  /** Wording hits to mark in the body. */
  readonly markedWords?: readonly MarkedWord[]
  onValuesChange(): void
}

/** The article's fields: title and body in the middle, its particulars beside them. */
export function ArticleForm(props: ArticleFormProps) {
  const { t } = useI18n()
  const { site } = props
  return (
    <Form<EditorValues>
      form={props.form}
      name="article"
      layout="vertical"
      initialValues={props.initialValues}
      disabled={props.isReadOnly}
      onValuesChange={props.onValuesChange}
      className="editor-grid"
    >
      <div className="editor-main">
        <Form.Item
          name="title"
          label={t('editor.title')}
          rules={[{ required: true, whitespace: true, message: t('editor.titleRequired') }]}
        >
          <Input size="large" maxLength={300} showCount />
        </Form.Item>
        <Form.Item name="subtitle" label={t('editor.subtitle')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="bodyHtml" label={t('editor.body')}>
          <BodyEditor
            key={props.bodyKey}
            siteId={site.id}
            isReadOnly={props.isReadOnly}
            markedWords={props.markedWords}
            onOriginalKept={(original) => {
              const attachments = props.form.getFieldValue('attachments') ?? []
              props.form.setFieldValue('attachments', [...attachments, original])
              props.onValuesChange()
            }}
          />
        </Form.Item>
      </div>
      <aside className="editor-side" aria-label={t('editor.details')}>
        <SideFields
          siteId={site.id}
          columns={props.columns}
          column={props.homeColumn}
          indexNo={props.indexNo}
        />
      </aside>
    </Form>
  )
}
