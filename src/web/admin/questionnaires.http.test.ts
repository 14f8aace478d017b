/**
 * Questionnaire versions through the real pages: the list, a JSON upload with its problems listed
 * in Thai with their paths, a valid upload becoming a draft, viewing its questions in Thai and
 * English, previewing its pages as a business sees them (nothing saved), publishing (frozen after)
 * and deleting a draft; only admins get in.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, describe, test } from 'node:test'
import { auditLog } from '#src/audit/audit.tables.ts'
import { findQuestionnaireDefinition, forgetImportedDefinitions } from '#src/questionnaire/definition/index.ts'
import { questionnaireVersions } from '#src/questionnaire/versions/questionnaire-versions.tables.ts'
import { assessmentAnswers } from '#src/submissions/submissions.tables.ts'
import { importFile, importFileText, V2_A02_EN, V2_A02_TH, V2_TITLE_TH } from '#tests/fixtures/questionnaires/import-v2.ts'
import { Client, csrfOf, makeUser } from '#tests/support/builders.ts'
import { multipartBody } from '#tests/support/multipart.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { enrolDirectly, signInWithCode } from '#tests/support/totp.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
afterEach(async () => {
  await t.testDb.reset()
  forgetImportedDefinitions()
})
after(() => t.close())

const db = () => t.deps.database.db
const LIST = '/admin/questionnaires'

async function staffClient(role: 'admin' | 'supervisor', username: string, locale: 'th' | 'en' = 'th'): Promise<Client> {
  const user = await makeUser(db(), { role, username, locale })
  const secret = await enrolDirectly(t, user)
  const client = new Client(t.app)
  assert.equal((await signInWithCode(t, client, username, secret)).statusCode, 303)
  return client
}

/** What the browser posts: the token first, then the file. */
async function upload(client: Client, text: string | undefined, fileName = 'questionnaire-v2.json') {
  const token = csrfOf(await client.get(LIST))
  const { payload, contentType } = multipartBody([['_csrf', token], ['file', { filename: text === undefined ? '' : fileName, content: Buffer.from(text ?? ''), contentType: 'application/json' }]])
  const res = await t.app.inject({ method: 'POST', url: `${LIST}/import`, payload, headers: { 'content-type': contentType, cookie: client.jar.header() } })
  client.jar.store(res)
  return res
}

describe('questionnaire versions (admin)', () => {
  test('the list shows the built-in version 1, read-only; the admin home links to it; other staff are refused', async () => {
    const admin = await staffClient('admin', 'qv.admin')
    const home = html(await admin.get('/admin'))
    assert.equal(home(`a[href="${LIST}"]`).text(), 'ฉบับของแบบสอบถาม')
    const list = await admin.get(LIST)
    assert.equal(list.statusCode, 200)
    const $ = html(list)
    assert.match($('tr[data-version="1"]').text(), /ฉบับที่ 1.*ติดตั้งมากับระบบ.*เผยแพร่แล้ว/)
    const v1 = html(await admin.get(`${LIST}/1`))
    assert.equal(v1('form[action$="/publish"]').length, 0, 'nothing to publish')
    assert.equal(v1('form[action$="/delete"]').length, 0, 'nothing to delete')
    assert.match(v1('tr[data-field="A06_primary"]').text(), /singleChoice/)
    assert.match(v1('[data-section="sector-precious-goods"] caption').text(), /A06_primary = precious_goods/)

    const supervisor = await staffClient('supervisor', 'qv.supervisor')
    assert.equal((await supervisor.get(LIST)).statusCode, 403)
    assert.equal((await supervisor.get(`${LIST}/1`)).statusCode, 403)
  })

  test('an upload with problems is refused with each problem in Thai and its path; nothing is stored', async () => {
    const admin = await staffClient('admin', 'qv.admin')
    const file = importFile()
    delete (file.messages.en as Record<string, string>)['qv2.A02.label']
    file.messages.th['questionnaire.A02.label'] = 'ทับข้อความของระบบ'
    const res = await upload(admin, JSON.stringify(file))
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.match($('title').text(), /^ข้อผิดพลาด:/)
    assert.equal($('.error-summary a').attr('href'), '#file')
    assert.equal($('#file').attr('aria-invalid'), 'true')
    const rows = $('#import-problems tbody tr')
      .map((_, tr) => $(tr).find('td').map((__, td) => $(td).text()).get().join(' | '))
      .get()
    assert.ok(rows.includes('qv2.A02.label | ไม่มีข้อความ qv2.A02.label ในภาษา en'), rows.join('\n'))
    assert.ok(rows.includes('messages.th.questionnaire.A02.label | ข้อความ questionnaire.A02.label เป็นข้อความของระบบ ไฟล์นำเข้าจะกำหนดทับไม่ได้'), rows.join('\n'))
    assert.equal((await db().select().from(questionnaireVersions)).length, 0)

    const notJson = html(await upload(admin, '{ not json'))
    assert.match(notJson('#import-problems').text(), /ไฟล์ไม่ใช่ JSON ที่ถูกต้อง/)
    const none = await upload(admin, undefined)
    assert.equal(none.statusCode, 422)
    assert.match(html(none)('#file-error').text(), /กรุณาเลือกไฟล์แบบสอบถาม/)
  })

  test('a valid upload → draft → view in Thai and English → preview (nothing saved) → publish → frozen', async () => {
    const admin = await staffClient('admin', 'qv.admin')
    const res = await upload(admin, importFileText())
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${LIST}/2`)

    const view = await admin.get(`${LIST}/2`)
    const $ = html(view)
    assert.match($('.banner').text(), /นำเข้าฉบับที่ 2 เป็นฉบับร่างแล้ว/)
    assert.match($('.tag').text(), /ฉบับร่าง/)
    assert.match($('.caption-l').first().text(), new RegExp(V2_TITLE_TH))
    const a02 = $('tr[data-field="A02"]')
    assert.equal(a02.find('td[lang="th"]').text(), V2_A02_TH)
    assert.equal(a02.find('td[lang="en"]').text(), V2_A02_EN)
    assert.match(a02.find('td').first().text(), /text/)
    assert.equal($('form[action="/admin/questionnaires/2/publish"]').length, 1)
    assert.equal(findQuestionnaireDefinition(2), undefined, 'a draft is not usable yet')

    // Preview: the business's own question page with an empty assessment
    const previewHref = $('a[href*="/preview/"]').attr('href')
    assert.equal(previewHref, `${LIST}/2/preview/part-a/1`)
    const preview = await admin.get(previewHref!)
    assert.equal(preview.statusCode, 200)
    const $p = html(preview)
    assert.match($p('label[for="A02"]').text(), new RegExp(V2_A02_TH.replace(/[()]/g, '\\$&')))
    assert.equal($p('form.form, form').filter((_, f) => $p(f).attr('action') === previewHref).length, 1)
    assert.match($p('.banner').text(), /ข้อมูลที่กรอกจะไม่ถูกบันทึก/)
    const posted = await admin.post(previewHref!, { _csrf: csrfOf(preview), intent: 'continue', A02: '' })
    assert.equal(posted.statusCode, 200)
    assert.ok(html(posted)('.error-summary li').length > 0, 'the problems a submission would show')
    assert.equal((await db().select().from(assessmentAnswers)).length, 0, 'nothing saved')

    // English view uses the version's English texts
    const english = await staffClient('admin', 'qv.admin.en', 'en')
    assert.equal(html(await english.get(`${LIST}/2/preview/part-a/1`))('label[for="A02"]').text().includes(V2_A02_EN), true)

    // Publish
    const published = await admin.submit(`${LIST}/2`, `${LIST}/2/publish`, {})
    assert.equal(published.statusCode, 303)
    const after = html(await admin.get(`${LIST}/2`))
    assert.match(after('.banner').text(), /เผยแพร่ฉบับที่ 2 แล้ว/)
    assert.equal(after('form[action$="/publish"]').length, 0)
    assert.equal(findQuestionnaireDefinition(2)?.version, 2)
    const token = csrfOf(await admin.get(`${LIST}/2`))
    assert.equal((await admin.post(`${LIST}/2/delete`, { _csrf: token })).statusCode, 409)
    const actions = (await db().select({ action: auditLog.action }).from(auditLog)).map((r) => r.action).filter((a) => a.startsWith('questionnaire.'))
    assert.deepEqual(actions, ['questionnaire.imported', 'questionnaire.published'])
  })

  test('a draft can be deleted; unknown versions are not found', async () => {
    const admin = await staffClient('admin', 'qv.admin')
    await upload(admin, importFileText())
    const res = await admin.submit(`${LIST}/2`, `${LIST}/2/delete`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, LIST)
    assert.match(html(await admin.get(LIST))('.banner').text(), /ลบฉบับร่างที่ 2 แล้ว/)
    assert.equal((await admin.get(`${LIST}/2`)).statusCode, 404)
    assert.equal((await admin.get(`${LIST}/abc`)).statusCode, 404)
    assert.equal((await admin.get(`${LIST}/1/preview/part-z/1`)).statusCode, 404)
  })

  test('a version the scoring ruleset cannot read: warned on its page with the missing questions, no publish button, publishing refused', async () => {
    const admin = await staffClient('admin', 'qv.admin')
    assert.match(html(await admin.get(`${LIST}/1`))('#scoring-check').text(), /ชุดเกณฑ์การให้คะแนน v1 ที่ใช้อยู่อ่านฉบับนี้ได้/)
    const file = importFile(3)
    for (const part of file.definition.parts as { pages: { sections: { fields: { id: string }[] }[] }[] }[]) {
      for (const page of part.pages) for (const section of page.sections) section.fields = section.fields.filter((f) => f.id !== 'D15')
    }
    assert.equal((await upload(admin, JSON.stringify(file), 'v3.json')).statusCode, 303)
    const $ = html(await admin.get(`${LIST}/3`))
    assert.equal($('#scoring-check').attr('data-scorable'), 'no')
    assert.match($('#scoring-check').text(), /อ่านฉบับนี้ไม่ได้.*จะไม่ได้รับคะแนนความเสี่ยง/)
    assert.match($('#scoring-missing tr[data-missing="D15"]').text(), /D15.*integer \/ money \/ percentage.*ไม่มีคำถามนี้/)
    assert.equal($('form[action$="/publish"]').length, 0, 'no publish button')
    assert.equal($('form[action$="/delete"]').length, 1, 'the draft can still be deleted')

    const refused = await admin.submit(`${LIST}/3`, `${LIST}/3/publish`, {})
    assert.equal(refused.statusCode, 422)
    const r = html(refused)
    assert.match(r('title').text(), /^ข้อผิดพลาด:/)
    assert.equal(r('.error-summary a').attr('href'), '#scoring-check')
    assert.match(r('.error-summary a').text(), /เผยแพร่ฉบับที่ 3 ไม่ได้ เพราะชุดเกณฑ์การให้คะแนน v1 ที่ใช้อยู่อ่านคำถามต่อไปนี้ไม่ได้: D15/)
    assert.equal(findQuestionnaireDefinition(3), undefined)
    const [row] = await db().select({ status: questionnaireVersions.status }).from(questionnaireVersions)
    assert.equal(row?.status, 'draft')
    const actions = (await db().select({ action: auditLog.action }).from(auditLog)).map((a) => a.action).filter((a) => a.startsWith('questionnaire.'))
    assert.deepEqual(actions, ['questionnaire.imported'])

    const en = await staffClient('admin', 'qv.admin.en', 'en')
    assert.equal((await upload(en, importFileText(importFile(4)), 'v4.json')).statusCode, 303)
    assert.match(html(await en.get(`${LIST}/3`))('#scoring-check').text(), /cannot read this version: assessments submitted with it would not be scored/)
    assert.match(html(await en.get(`${LIST}/4`))('#scoring-check').text(), /The current scoring ruleset v1 reads this version/)
  })
})
