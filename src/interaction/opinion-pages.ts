import type { Consultation } from './consultation.ts'
import { consultationStateLabels } from './consultation.ts'
import { html, type SafeHtml } from './html-template.ts'
import { type FormValues, type PageSite, publicPage } from './public-pages.ts'
import { QUESTIONNAIRE_LIMITS, type Question, questionTypeLabels } from './questionnaire.ts'

/**
 * One question as a fieldset: radios, checkboxes (`q2-0`, `q2-1`… so no field name repeats)
 * or a text area; a failed post comes back with the visitor's answers still chosen.
 */
function questionField(question: Question, index: number, values: FormValues): SafeHtml {
  const name = `q${index + 1}`
  const mark = question.required ? html`<span aria-hidden="true"> *</span>` : ''
  const legend = html`<legend>${index + 1}. ${question.text}（${questionTypeLabels[question.type]}）${mark}</legend>`
  if (question.type === 'text')
    return html`<fieldset class="form-question" id="${name}">${legend}
<p class="form-field"><label for="f-${name}">回答</label>
<textarea id="f-${name}" name="${name}" rows="3" maxlength="${QUESTIONNAIRE_LIMITS.answerText}"${question.required ? html` required` : ''}>${values[name] ?? ''}</textarea></p>
</fieldset>`
  const options = question.options.map((option, o) => {
    const id = `f-${name}-${o}`
    const isChosen = question.type === 'single' ? values[name] === String(o) : Boolean(values[`${name}-${o}`])
    return question.type === 'single'
      ? html`<p class="form-choice"><input id="${id}" type="radio" name="${name}" value="${o}"${isChosen ? html` checked` : ''}${question.required && o === 0 ? html` required` : ''}> <label for="${id}">${option}</label></p>`
      : html`<p class="form-choice"><input id="${id}" type="checkbox" name="${name}-${o}" value="1"${isChosen ? html` checked` : ''}> <label for="${id}">${option}</label></p>`
  })
  return html`<fieldset class="form-question" id="${name}">${legend}
${options}
</fieldset>`
}

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
  const questionnaire = consultation.questionnaire
  const body = html`${problem ? html`<p class="form-problem" role="alert">${problem}</p>` : ''}
<p>征集时间：${consultation.startsDay} 至 ${consultation.endsDay}（<span data-field="state">${consultationStateLabels[consultation.state]}</span>）。您的联系方式只用于征求意见，不会公开。</p>
${
  form
    ? html`<form method="post" action="/_fabu/consultations/${consultation.id}" class="letter-form">
<input type="hidden" name="token" value="${form.token}">
${
  questionnaire
    ? html`<h2>问卷调查</h2>
${questionnaire.questions.map((q, index) => questionField(q, index, values))}`
    : ''
}
${
  !questionnaire || questionnaire.takesOpinion
    ? html`<p class="form-field"><label for="f-content">意见和建议<span aria-hidden="true"> *</span></label>
<textarea id="f-content" name="content" rows="8" required maxlength="5000">${values.content ?? ''}</textarea></p>`
    : ''
}
${input('name', '姓名', 'text', 50, true)}
${input('phone', '联系电话', 'tel', 20, false)}
${input('email', '电子邮箱', 'email', 254, false)}
${input('answer', `验证：${form.question}`, 'text', 3, true)}
<p><button type="submit">${questionnaire ? '提交' : '提交意见'}</button></p>
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
