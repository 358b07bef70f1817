import type { Consultation } from './consultation.ts'
import { consultationStateLabels } from './consultation.ts'
import { html } from './html-template.ts'
import { type FormValues, type PageSite, publicPage } from './public-pages.ts'

/** The opinion form of a consultation: a plain HTML form, the same token and check question as a letter's. */
export function opinionFormPage(
  site: PageSite,
  consultation: Consultation,
  form: { readonly token: string; readonly question: string } | null,
  values: FormValues = {},
  problem?: string,
): string {
  const input = (name: string, label: string, type: string, max: number, required: boolean) =>
    html`<p class="form-field"><label for="f-${name}">${label}${required ? html`<span aria-hidden="true"> *</span>` : ''}</label>
<input id="f-${name}" name="${name}" type="${type}" value="${values[name] ?? ''}" maxlength="${max}"${required ? html` required` : ''}></p>`
  const body = html`${problem ? html`<p class="form-problem" role="alert">${problem}</p>` : ''}
<p>征集时间：${consultation.startsDay} 至 ${consultation.endsDay}（<span data-field="state">${consultationStateLabels[consultation.state]}</span>）。您的联系方式只用于征求意见，不会公开。</p>
${
  form
    ? html`<form method="post" action="/_fabu/consultations/${consultation.id}" class="letter-form">
<input type="hidden" name="token" value="${form.token}">
<p class="form-field"><label for="f-content">意见和建议<span aria-hidden="true"> *</span></label>
<textarea id="f-content" name="content" rows="8" required maxlength="5000">${values.content ?? ''}</textarea></p>
${input('name', '姓名', 'text', 50, true)}
${input('phone', '联系电话', 'tel', 20, false)}
${input('email', '电子邮箱', 'email', 254, false)}
${input('answer', `验证：${form.question}`, 'text', 3, true)}
<p><button type="submit">提交意见</button></p>
</form>`
    : html`<p>此征集现在不接受意见。</p>`
}`
  return publicPage(site, `意见征集：${consultation.title}`, body)
}

export function opinionReceiptPage(site: PageSite, consultation: Consultation): string {
  return publicPage(
    site,
    `意见征集：${consultation.title}`,
    html`<p role="status">已收到您的意见，谢谢。征集结束后将公布意见采纳情况。</p>`,
  )
}
