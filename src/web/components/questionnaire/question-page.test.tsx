import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { render, testPageContext } from '#tests/support/render.ts'
import { familyAnswers, kitchenSink, testTranslator } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { CheckAnswers } from './check-answers.tsx'
import { QuestionPage, errorTargetId, type QuestionPageProps } from './question-page.tsx'
import { TaskList } from './task-list.tsx'

const ctx = { ...testPageContext(), t: testTranslator('th') }
const page = (props: Partial<QuestionPageProps> & Pick<QuestionPageProps, 'partId' | 'pageId'>) =>
  render(<QuestionPage ctx={ctx} definition={kitchenSink} answers={{}} action="/portal/assessment/page" {...props} />)
const key = (s: string) => s as MessageKey

describe('QuestionPage', () => {
  test('a post form with CSRF, sections as fieldsets with legends, and the two intents', () => {
    const $ = page({ partId: 'part-a', pageId: '1' })
    assert.equal($('form').attr('method'), 'post')
    assert.equal($('input[name=_csrf]').length, 1)
    assert.deepEqual($('fieldset.question-section > legend').map((_, e) => $(e).text()).get(), ['ks.section.member', 'ks.section.membership'])
    const buttons = $('.button-group button').map((_, e) => [[$(e).attr('value'), $(e).text()]]).get()
    assert.deepEqual(buttons, [['continue', 'บันทึกและไปต่อ'], ['save_draft', 'บันทึกแบบร่าง']])
    // Enter in a text box submits the first button: save draft, never a group's add/remove.
    assert.equal($('form button[type=submit]').first().attr('value'), 'save_draft')
  })

  test('only questions whose conditions hold are rendered', () => {
    const off = page({ partId: 'part-a', pageId: '1', answers: { T11: 'no' } })
    assert.equal(off('[name=T11_rating]').length, 0)
    assert.equal(off('[name=T12]').length, 0)
    const on = page({ partId: 'part-a', pageId: '1', answers: { T11: 'yes', T09: 'adult', T10: ['coaching'] } })
    assert.equal(on('[name=T11_rating]').length, 1)
    assert.equal(on('[name=T12]').length, 1)
    // A section with a condition off is not rendered at all.
    const b = page({ partId: 'part-b', pageId: '1', answers: { T09: 'adult' } })
    assert.equal(b('fieldset.question-section').length, 0)
    const family = page({ partId: 'part-b', pageId: '1', answers: familyAnswers })
    assert.equal(family('#T13-1-relationOther').val(), 'niece')
  })

  test('stored answers are shown as form values (BE year, baht, read-only prefill as text)', () => {
    const $ = page({ partId: 'part-a', pageId: '1', answers: familyAnswers })
    assert.equal($('#T04-year').val(), '2528')
    assert.equal($('#T02').val(), 'สมชาย ใจดี')
    assert.equal($('input[name=T01]').length, 0)
    assert.equal($('#T01').text(), '0105536112014')
    assert.equal($('#T07-postcode').val(), '10330')
  })

  test('what was posted wins over the stored answers after a failed post, escaped', () => {
    const $ = page({ partId: 'part-a', pageId: '1', answers: familyAnswers, posted: { T02: '<b>x</b>' } })
    assert.equal($('#T02').val(), '<b>x</b>')
    assert.equal($('b').length, 0)
  })

  test('error summary links point at existing elements, in page order', () => {
    const errors = [
      { path: 'T06', messageKey: key('questionnaire.errors.phone') },
      { path: 'T04', messageKey: key('errors.date.impossible') },
      { path: 'T07.postcode', messageKey: key('questionnaire.errors.address.postcode') },
      { path: 'T09', messageKey: key('errors.field.chooseOne') },
      { path: 'T03', messageKey: key('errors.field.thaiId') },
    ]
    const $ = page({ partId: 'part-a', pageId: '1', errors })
    const links = $('.error-summary a').map((_, e) => $(e).attr('href')).get()
    assert.deepEqual(links, ['#T03', '#T04-day', '#T06', '#T07-postcode', '#T09'])
    for (const href of links) assert.equal($(href).length, 1, `${href} exists`)
    assert.equal($('#T06').attr('aria-invalid'), 'true')
    assert.match($('#T07-postcode-error').text(), /รหัสไปรษณีย์/)
    assert.match($('#T04-error').text(), /\S/)
  })

  test('group errors link to cells, rows and the group', () => {
    const errors = [
      { path: 'T13.1.name', messageKey: key('errors.field.required') },
      { path: 'T13.0.address.postcode', messageKey: key('questionnaire.errors.address.postcodeFormat') },
      { path: 'T13', messageKey: key('questionnaire.errors.group.tooFewRows'), params: { min: 1 } },
    ]
    const $ = page({ partId: 'part-b', pageId: '1', answers: familyAnswers, errors })
    const links = $('.error-summary a').map((_, e) => $(e).attr('href')).get()
    assert.deepEqual(links, ['#T13-1-name', '#T13-0-address-postcode', '#T13'])
    for (const href of links) assert.equal($(href).length, 1, `${href} exists`)
    assert.equal(errorTargetId(kitchenSink, 'T20.0'), 'T20')
  })

  test('file questions list their attachments and the + เพิ่มเอกสาร link', () => {
    const $ = page({
      partId: 'part-c',
      pageId: '1',
      attachments: { T20: [{ id: 'att-form', fileName: 'คำขอ.pdf', documentType: 'SERVICE_REQUEST_SIGNED' }] },
      addDocumentHref: (id) => `/portal/attachments/new?question=${id}`,
    })
    assert.equal($('input[name="T20.0.attachmentId"]').val(), 'att-form')
    assert.equal($('a[href="/portal/attachments/new?question=T21"]').length, 1)
  })
})

describe('TaskList', () => {
  test('each part with its Thai status, the deadline, last saved and the report link', () => {
    const $ = render(
      <TaskList
        t={testTranslator('th')}
        locale="th"
        definition={kitchenSink}
        statuses={{ 'part-a': 'completed', 'part-b': 'in_progress', 'part-c': 'needs_correction' }}
        partHref={(id) => `/portal/assessment/${id}`}
        deadline={new Date('2026-03-31T10:00:00Z')}
        lastSavedAt={new Date('2026-01-15T07:30:00Z')}
        basicReportHref="/portal/report"
      />,
    )
    assert.deepEqual($('.task-list__status').map((_, e) => $(e).text()).get(), ['เสร็จสมบูรณ์', 'กำลังดำเนินการ', 'ต้องแก้ไข'])
    assert.equal($('a[href="/portal/assessment/part-a"]').attr('aria-describedby'), 'task-part-a-status')
    assert.match($('#task-list-deadline').text(), /2569/)
    assert.match($('#task-list-last-saved').text(), /บันทึกล่าสุด/)
    assert.equal($('a[href="/portal/report"]').text(), 'ออกรายงานข้อมูลพื้นฐาน')
  })

  test('a part without a status is ยังไม่เริ่ม; never saved says so', () => {
    const $ = render(
      <TaskList t={testTranslator('th')} locale="th" definition={kitchenSink} statuses={{}} partHref={() => '#'} deadline={new Date()} basicReportHref="#" />,
    )
    assert.deepEqual($('.task-list__status').map((_, e) => $(e).text()).get(), ['ยังไม่เริ่ม', 'ยังไม่เริ่ม', 'ยังไม่เริ่ม'])
    assert.equal($('#task-list-last-saved').text(), 'ยังไม่ได้บันทึก')
  })
})

describe('CheckAnswers', () => {
  test('a summary row per shown question with a แก้ไข link to it', () => {
    const $ = render(
      <CheckAnswers
        t={testTranslator('th')}
        definition={kitchenSink}
        answers={{ ...familyAnswers, T02: '<i>สมชาย</i>' }}
        partId="part-a"
        changeHref={(r) => `/portal/assessment/${r.partId}/${r.pageId}#${r.fieldId}`}
      />,
    )
    assert.equal($('h2').length, 1)
    const t02 = $('a[href="/portal/assessment/part-a/1#T02"]')
    assert.match(t02.text(), /^แก้ไข/)
    assert.equal(t02.closest('.summary-list__row').find('dd.summary-list__value').text(), '<i>สมชาย</i>')
    assert.equal($('i').length, 0)
    assert.match($('.summary-list__row').filter((_, e) => $(e).find('a[href$="#T08"]').length > 0).text(), /ยังไม่ได้ตอบ/)
  })
})
