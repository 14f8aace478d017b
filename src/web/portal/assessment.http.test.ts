/**
 * The business's assessment in the portal (issue 4): task list, question pages with every save
 * intent, check your answers, submission with the declaration, receipt, read-only view, returned
 * for correction, and nothing lost when the session times out.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Actor } from '#src/identity/permissions.ts'
import { answersForPart } from '#src/questionnaire/engine/index.ts'
import { getAssessmentForActor } from '#src/submissions/get-assessment.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { returnForCorrection } from '#src/submissions/review-assessment.ts'
import { insertAttachment, upsertPartAnswers } from '#src/submissions/submissions.repo.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { assessmentAnswers, submissions } from '#src/submissions/submissions.tables.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { Client, TEST_PASSWORD, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
const db = () => t.deps.database.db
const def = definitionForVersion('v1')
const BASE = '/portal/assessments/2569'

beforeEach(async () => {
  await t.testDb.reset()
  t.clock.set('2026-11-29T03:00:00Z')
  await openCycle(t.deps, {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Assessment cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2027-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

let serial = 0
async function business(username = `owner${++serial}`) {
  const entity = await makeEntity(db(), { nameTh: `ร้านทองทดสอบ ${serial}` })
  const user = await makeUser(db(), { username, entityId: entity.id, role: 'entity_admin', firstName: 'สมชาย', lastName: 'ทองดี' })
  const c = new Client(t.app)
  await c.signIn(username)
  const actor: Actor & { kind: 'user' } = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย ทองดี' }
  return { c, user, entity, actor }
}

const fillComplete = (actor: Actor & { kind: 'user' }) => fillCompleteAssessment(t.deps, { ...actor, entityId: actor.entityId! })

async function storedAnswers(assessmentId: string, partId: string) {
  const rows = await db().select().from(assessmentAnswers).where(eq(assessmentAnswers.assessmentId, assessmentId))
  return (rows.find((r) => r.partId === partId)?.answers ?? {}) as Record<string, unknown>
}

const DECLARATION = { name: 'นายสมชาย ทองดี', position: 'กรรมการผู้จัดการ', confirm: 'yes' }

describe('task list', () => {
  test('the portal links to the open cycle; the task list shows the four parts, the deadline and the report button', async () => {
    const { c } = await business()
    const home = html(await c.get('/portal'))
    assert.equal(home('#open-assessment').attr('href'), BASE)
    const res = await c.get(BASE)
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.equal($('h1').text(), 'รอบการประเมินปี 2569')
    const parts = $('.task-list__item')
    assert.equal(parts.length, 4)
    assert.match(parts.eq(0).text(), /ก\..*ข้อมูลการจดทะเบียนขององค์กรผู้มีหน้าที่รายงาน/)
    assert.match(parts.eq(1).text(), /ข\..*ข้อมูลโครงสร้างองค์กร/)
    // Part ก is pre-filled from the registry, but pre-filled answers alone do not start it.
    assert.ok(parts.toArray().every((p) => $(p).text().includes('ยังไม่เริ่ม')))
    assert.match($('#task-list-deadline').text(), /31 มีนาคม 2570/)
    assert.equal($('a[href="/portal/assessments/2569/basic-report"]').text(), 'ออกรายงานข้อมูลพื้นฐาน')
    assert.equal($(`a[href="${BASE}/submit"]`).text(), 'ตรวจสอบคำตอบและส่งข้อมูล')
  })

  test('part ก page 1 shows the juristic number and name from the registry, read-only', async () => {
    const { c, entity } = await business()
    const $ = html(await c.get(`${BASE}/part-a/1`))
    assert.match($('main').text(), new RegExp(entity.juristicId))
    assert.equal($('input[name="A01"]').length, 0, 'registry answers are not editable inputs')
    assert.equal($('#service-request-download a').attr('href'), '/portal/service-request.pdf')
  })

  test('an unknown cycle, part or page is a 404 page, never a 500', async () => {
    const { c } = await business()
    for (const url of ['/portal/assessments/9999', `${BASE}/part-z/1`, `${BASE}/part-a/9`, `${BASE}/part-a/x`, '/portal/assessments/%3Cscript%3E/part-a/1']) {
      const res = await c.get(url)
      assert.equal(res.statusCode, 404, url)
    }
  })

  test('staff and people who are not signed in cannot open a business assessment', async () => {
    const anon = new Client(t.app)
    const res = await anon.get(BASE)
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /^\/auth\/login\?next=/)
  })
})

describe('question pages', () => {
  test('บันทึกแบบร่าง stores what was typed and says when; the task list shows the part in progress', async () => {
    const { c, actor } = await business()
    const res = await c.submit(`${BASE}/part-b/2`, `${BASE}/part-b/2`, { intent: 'save_draft', B08_total: '12', B08_customerFacing: '๕' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${BASE}/part-b/2`)
    const page = html(await c.get(`${BASE}/part-b/2`))
    assert.match(page('.banner--success').text(), /บันทึกแบบร่างแล้วเมื่อ 29\/11\/2026 10:00/)
    assert.equal(page('#B08_total').val(), '12')
    assert.equal(page('#B08_customerFacing').val(), '5', 'Thai digits are stored as numbers')
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B08_total, 12)
    const list = html(await c.get(BASE))
    assert.match(list('#task-list-last-saved').text(), /29 พฤศจิกายน 2569/)
    assert.match(list('.task-list__item').eq(1).text(), /กำลังดำเนินการ/)
  })

  test('malformed answers come back with an error summary linking to each field, keeping what was typed; good answers are saved', async () => {
    const { c, actor } = await business()
    const res = await c.submit(`${BASE}/part-b/2`, `${BASE}/part-b/2`, { intent: 'save_draft', B08_total: 'สิบสอง', B08_customerFacing: '4' })
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    const link = $('.error-summary a')
    assert.equal(link.length, 1)
    assert.equal(link.attr('href'), '#B08_total')
    assert.equal($('#B08_total').val(), 'สิบสอง', 'what was typed is shown again')
    assert.match($('title').text(), /^ข้อผิดพลาด/)
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B08_customerFacing, 4)
  })

  // Every part's page: a malformed answer of each kind is refused with its message, linked to its box.
  const MALFORMED: { page: string; fields: Record<string, string>; link: string; message: RegExp }[] = [
    { page: 'part-a/1', fields: { 'A05.day': '31', 'A05.month': '2', 'A05.year': '2566' }, link: '#A05-day', message: /วันที่/ },
    { page: 'part-a/1', fields: { A08_registered: '-5' }, link: '#A08_registered', message: /ติดลบ/ },
    { page: 'part-a/1', fields: { A12_phone: '12' }, link: '#A12_phone', message: /หมายเลขโทรศัพท์/ },
    { page: 'part-b/1', fields: { 'B01.0.idType': 'thai_id', 'B01.0.thaiId': '1234567890123' }, link: '#B01-0-thaiId', message: /เลข/ },
    { page: 'part-b/1', fields: { 'B03.0.sharePercent': '101' }, link: '#B03-0-sharePercent', message: /ร้อยละต้องอยู่ระหว่าง 0 ถึง 100/ },
    { page: 'part-b/2', fields: { B08_total: '๑๒.๕' }, link: '#B08_total', message: /จำนวนเต็ม/ },
    { page: 'part-c/1', fields: { C7_1: 'มาก' }, link: '#C7_1', message: /ร้อยละ/ },
    { page: 'part-d/1', fields: { D07_value: '1,000.505' }, link: '#D07_value', message: /ทศนิยม/ },
  ]
  for (const m of MALFORMED) {
    test(`${m.page}: ${Object.keys(m.fields).join(', ')} malformed → 422, linked, kept`, async () => {
      const { c } = await business()
      const res = await c.submit(`${BASE}/${m.page}`, `${BASE}/${m.page}`, { intent: 'save_draft', ...m.fields })
      assert.equal(res.statusCode, 422)
      const $ = html(res)
      const link = $('.error-summary a').filter((_, a) => $(a).attr('href') === m.link)
      assert.equal(link.length, 1, `${m.link} in ${$('.error-summary').text()}`)
      assert.match(link.text(), m.message)
      const [name, value] = Object.entries(m.fields).at(-1)!
      assert.equal($(`[name="${name}"]`).val(), value, 'what was typed is still in the box')
    })
  }

  test('บันทึกและไปต่อ goes to the next page of the part, then to the part check', async () => {
    const { c } = await business()
    const first = await c.submit(`${BASE}/part-b/1`, `${BASE}/part-b/1`, { intent: 'continue', B05: 'no' })
    assert.equal(first.headers.location, `${BASE}/part-b/2`)
    const second = await c.submit(`${BASE}/part-b/2`, `${BASE}/part-b/2`, { intent: 'continue', B08_total: '3' })
    assert.equal(second.headers.location, `${BASE}/part-b/check`)
    const check = html(await c.get(`${BASE}/part-b/check`))
    assert.match(check('h1').text(), /ตรวจสอบคำตอบ ข\./)
    // Every remaining problem links to its question's page.
    const hrefs = check('.error-summary a').toArray().map((a) => check(a).attr('href'))
    assert.ok(hrefs.length > 0)
    assert.ok(hrefs.every((h) => h!.startsWith(`${BASE}/part-b/`)))
    assert.ok(hrefs.includes(`${BASE}/part-b/2#B08_customerFacing`))
  })

  test('rows of a repeating group are added and removed with JavaScript off, keeping the other rows', async () => {
    const { c, actor } = await business()
    const add = await c.submit(`${BASE}/part-b/1`, `${BASE}/part-b/1`, { intent: 'add:B01', 'B01.0.fullNameTh': 'นางสาวหนึ่ง ใจดี' })
    assert.equal(add.statusCode, 303)
    assert.equal(add.headers.location, `${BASE}/part-b/1#B01`)
    let $ = html(await c.get(`${BASE}/part-b/1`))
    assert.equal($('#B01 .repeating-group__row').length, 2)
    assert.equal($('#B01-0-fullNameTh').val(), 'นางสาวหนึ่ง ใจดี')
    await c.submit(`${BASE}/part-b/1`, `${BASE}/part-b/1`, { intent: 'remove:B01:0', 'B01.0.fullNameTh': 'นางสาวหนึ่ง ใจดี', 'B01.1.fullNameTh': 'นายสอง ใจงาม' })
    $ = html(await c.get(`${BASE}/part-b/1`))
    assert.equal($('#B01-0-fullNameTh').val(), 'นายสอง ใจงาม')
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.deepEqual((view.answers.B01 as { fullNameTh?: string }[]).map((r) => r.fullNameTh), ['นายสอง ใจงาม'])
  })

  test('+ เพิ่มรายการ on a page with a malformed answer adds the row and shows the problem, keeping everything typed', async () => {
    const { c, actor } = await business()
    const res = await c.submit(`${BASE}/part-b/2`, `${BASE}/part-b/2`, { intent: 'add:B11', B08_total: 'สิบ', 'B11.0.fullNameTh': 'นางสาวกำกับ ดูแล' })
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.equal($('#B11 .repeating-group__row').length, 2, 'the new row is there')
    assert.equal($('#B11-0-fullNameTh').val(), 'นางสาวกำกับ ดูแล')
    assert.equal($('#B08_total').val(), 'สิบ')
    assert.equal($('.error-summary a').attr('href'), '#B08_total')
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal((view.answers.B11 as unknown[]).length, 2, 'and stored, so the next save agrees with the page')
  })

  test('a condition that now holds shows its question after saving (JavaScript off)', async () => {
    const { c } = await business()
    assert.equal(html(await c.get(`${BASE}/part-b/1`))('#B05_parentName').length, 0)
    await c.submit(`${BASE}/part-b/1`, `${BASE}/part-b/1`, { intent: 'save_draft', B05: 'yes' })
    assert.equal(html(await c.get(`${BASE}/part-b/1`))('#B05_parentName').length, 1)
  })

  test('auto-save (htmx) answers with the saved time, or with the questions again when a condition changed', async () => {
    const { c, actor } = await business()
    const page = html(await c.get(`${BASE}/part-b/1`))
    const csrf = page('input[name=_csrf]').val() as string
    assert.equal(page('#question-form').attr('hx-post'), `${BASE}/part-b/1`)
    const plain = await c.post(`${BASE}/part-b/1`, { _csrf: csrf, intent: 'autosave', B02: 'ร้านค้าปลีกทองรูปพรรณ' }, { 'hx-request': 'true' })
    assert.equal(plain.statusCode, 200)
    assert.equal(plain.body, '<span>บันทึกอัตโนมัติแล้วเมื่อ 29/11/2026 10:00</span>')
    const changed = await c.post(`${BASE}/part-b/1`, { _csrf: csrf, intent: 'autosave', B02: 'ร้านค้าปลีกทองรูปพรรณ', B05: 'yes' }, { 'hx-request': 'true' })
    assert.equal(changed.headers['hx-retarget'], '#question-region')
    const $ = html(changed)
    assert.equal($('#B05_parentName').length, 1)
    assert.equal($('#B02').val(), 'ร้านค้าปลีกทองรูปพรรณ')
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B05, 'yes')
  })

  test('auto-save shows a group row’s column once its condition holds (a director’s ID number after choosing the ID type)', async () => {
    const { c } = await business()
    const page = html(await c.get(`${BASE}/part-b/1`))
    assert.equal(page('#B01-0-thaiId').length, 0)
    const csrf = page('input[name=_csrf]').val() as string
    const typing = await c.post(`${BASE}/part-b/1`, { _csrf: csrf, intent: 'autosave', 'B01.0.fullNameTh': 'นายหนึ่ง ใจดี' }, { 'hx-request': 'true' })
    assert.equal(typing.headers['hx-retarget'], undefined, 'typing into the first row does not re-render the questions')
    const chosen = await c.post(`${BASE}/part-b/1`, { _csrf: csrf, intent: 'autosave', 'B01.0.fullNameTh': 'นายหนึ่ง ใจดี', 'B01.0.idType': 'thai_id' }, { 'hx-request': 'true' })
    assert.equal(chosen.headers['hx-retarget'], '#question-region')
    assert.equal(html(chosen)('#B01-0-thaiId').length, 1)
  })

  test('unknown names, read-only registry answers and other parts’ questions in a post are ignored safely', async () => {
    const { c, actor, entity } = await business()
    const res = await c.submit(`${BASE}/part-b/2`, `${BASE}/part-b/2`, { intent: 'save_draft', B08_total: '7', ZZ99: 'x', A01: '0105536900012', C1_1: 'yes' })
    assert.equal(res.statusCode, 303)
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.A01, entity.juristicId)
    assert.equal(view.answers.C1_1, undefined)
    assert.equal(view.answers.ZZ99, undefined)
  })

  test('markup, emoji and a 100 kB string are kept as text or refused with a message, never a 500', async () => {
    const { c, actor } = await business()
    const long = 'ก'.repeat(100_000)
    const res = await c.submit(`${BASE}/part-b/1`, `${BASE}/part-b/1`, { intent: 'save_draft', B02: '<script>alert(1)</script> 💰', B06_details: long })
    assert.ok(res.statusCode === 303 || res.statusCode === 422 || res.statusCode === 413, String(res.statusCode))
    const $ = html(await c.get(`${BASE}/part-b/1`))
    assert.equal($('#B02').text(), '<script>alert(1)</script> 💰')
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B02, '<script>alert(1)</script> 💰')
  })

  test('+ เพิ่มเอกสาร saves the page first and opens the upload page of that question; ลบ removes a document', async () => {
    const { c, actor } = await business()
    const add = await c.submit(`${BASE}/part-a/1`, `${BASE}/part-a/1`, { intent: 'document:A18', A13_website: 'https://thongdee.example' })
    assert.equal(add.statusCode, 303)
    assert.equal(add.headers.location, `${BASE}/documents/new?part=part-a&page=1&field=A18`)
    let view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.A13_website, 'https://thongdee.example', 'what was typed was saved before leaving the page')
    // A tampered path (not a file question of this page) just saves.
    const odd = await c.submit(`${BASE}/part-a/1`, `${BASE}/part-a/1`, { intent: 'document:C1_1_evidence' })
    assert.equal(odd.headers.location, `${BASE}/part-a/1`)

    const att = await insertAttachment(db(), {
      assessmentId: view.assessmentId,
      entityId: actor.entityId!,
      partId: 'part-a',
      fieldId: 'A18',
      documentType: 'DBD_CERTIFICATE',
      fileKey: 'f'.repeat(32),
      displayName: 'หนังสือรับรอง.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 2000,
      sha256: 'b'.repeat(64),
      uploadedBy: actor.id,
      uploadedAt: t.clock.now(),
    })
    await upsertPartAnswers(db(), { assessmentId: view.assessmentId, partId: 'part-a', answers: { ...answersForPart(def, { ...view.answers, A18: [{ attachmentId: att.id, documentType: 'DBD_CERTIFICATE' }] }, 'part-a') }, now: t.clock.now(), userId: actor.id })
    const page = html(await c.get(`${BASE}/part-a/1`))
    const link = page('#A18 a')
    assert.equal(link.text(), 'หนังสือรับรอง.pdf')
    assert.equal(link.attr('href'), `${BASE}/documents/${att.id}`)
    const removed = await c.post(`${BASE}/part-a/1`, { ...browserFields(page), _csrf: page('input[name=_csrf]').val() as string, intent: `remove-document:${att.id}` })
    assert.equal(removed.statusCode, 303, removed.body.slice(0, 300))
    const after = html(await c.get(`${BASE}/part-a/1`))
    assert.match(after('.banner--success').text(), /ลบเอกสาร หนังสือรับรอง.pdf แล้ว/)
    assert.equal(after('#A18 a').length, 0)
    view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.A18, undefined)
  })

  test('a post without the form token is refused and stores nothing', async () => {
    const { c, actor } = await business()
    await c.get(`${BASE}/part-b/2`)
    const res = await c.post(`${BASE}/part-b/2`, { intent: 'save_draft', B08_total: '9' })
    assert.equal(res.statusCode, 403)
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B08_total, undefined)
  })
})

describe('session time-out', () => {
  test('a page posted after the idle time-out is kept across signing in again and saved', async () => {
    const { c, user, actor } = await business()
    const page = html(await c.get(`${BASE}/part-b/2`))
    const csrf = page('input[name=_csrf]').val() as string
    t.clock.set('2026-11-29T03:31:00Z')
    const late = await c.post(`${BASE}/part-b/2`, { _csrf: csrf, intent: 'save_draft', B08_total: '44' })
    assert.equal(late.statusCode, 303)
    assert.equal(late.headers.location, `/auth/login?next=${encodeURIComponent(`${BASE}/part-b/2`)}`)
    const login = html(await c.get(late.headers.location as string))
    assert.match(login('main').text(), /ไม่มีการใช้งานเกิน 30 นาที/)
    const signedIn = await c.submit(late.headers.location as string, late.headers.location as string, { identifier: user.username, password: TEST_PASSWORD })
    assert.equal(signedIn.headers.location, `${BASE}/part-b/2`)
    const back = await c.get(`${BASE}/part-b/2`)
    assert.equal(back.statusCode, 303)
    const $ = html(await c.get(`${BASE}/part-b/2`))
    assert.match($('.banner--success').text(), /บันทึกสิ่งที่ท่านกรอกไว้/)
    assert.equal($('#B08_total').val(), '44')
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B08_total, 44)
  })

  test('a kept post does not overwrite a later save by someone else: it is shown for checking instead', async () => {
    const { c, user, actor } = await business()
    const page = html(await c.get(`${BASE}/part-b/2`))
    t.clock.set('2026-11-29T03:31:00Z')
    await c.post(`${BASE}/part-b/2`, { _csrf: page('input[name=_csrf]').val() as string, intent: 'save_draft', B08_total: '44' })
    // A colleague saves the same page later.
    const colleague = await makeUser(db(), { username: 'colleague2', entityId: actor.entityId, role: 'entity_user' })
    const other = new Client(t.app)
    t.clock.set('2026-11-29T03:40:00Z')
    await other.signIn(colleague.username)
    await other.submit(`${BASE}/part-b/2`, `${BASE}/part-b/2`, { intent: 'save_draft', B08_total: '50' })
    await c.submit(`/auth/login?next=${encodeURIComponent(`${BASE}/part-b/2`)}`, `/auth/login?next=${encodeURIComponent(`${BASE}/part-b/2`)}`, { identifier: user.username, password: TEST_PASSWORD })
    const $ = html(await c.get(`${BASE}/part-b/2`))
    assert.equal($('#B08_total').val(), '44', 'what was typed is on the page')
    assert.match($('#autosave-status').text(), /ยังไม่ได้บันทึก/)
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B08_total, 50, 'the later save is not overwritten')
  })

  test('what one person typed is never saved into another person’s sign-in', async () => {
    const { c, actor } = await business()
    const page = html(await c.get(`${BASE}/part-b/2`))
    t.clock.set('2026-11-29T03:31:00Z')
    await c.post(`${BASE}/part-b/2`, { _csrf: page('input[name=_csrf]').val() as string, intent: 'save_draft', B08_total: '44' })
    const other = await makeUser(db(), { username: 'colleague', entityId: actor.entityId, role: 'entity_user' })
    await c.signIn(other.username)
    await c.get(`${BASE}/part-b/2`)
    const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
    assert.equal(view.answers.B08_total, undefined)
  })
})

describe('submission', () => {
  test('check and submit lists every problem at once, linked to its question, and offers no declaration yet', async () => {
    const { c } = await business()
    const res = await c.get(`${BASE}/submit`)
    const $ = html(res)
    assert.match($('#problems-title').text(), /ยังส่งข้อมูลไม่ได้ มี \d+ ข้อ/)
    const links = $('.error-summary a').toArray().map((a) => $(a).attr('href')!)
    assert.ok(links.some((h) => h.startsWith(`${BASE}/part-a/1#`)))
    assert.ok(links.some((h) => h.startsWith(`${BASE}/part-d/1#`)))
    assert.equal($('button').filter((_, b) => $(b).text() === 'ส่งข้อมูล').length, 0)
  })

  test('a complete assessment is submitted once with the declaration; the receipt shows AMLO’s confirmation text', async () => {
    const { c, actor } = await business()
    const assessmentId = await fillComplete(actor)
    const form = html(await c.get(`${BASE}/submit`))
    assert.equal(form('.error-summary').length, 0)
    const key = form('input[name=idempotencyKey]').val() as string
    const csrf = form('input[name=_csrf]').val() as string
    assert.equal(form('#name').val(), 'สมชาย ทองดี', 'the declarant defaults to the signed-in person')

    const missing = await c.post(`${BASE}/submit`, { _csrf: csrf, idempotencyKey: key, name: 'นายสมชาย ทองดี', position: '' })
    assert.equal(missing.statusCode, 422)
    const $m = html(missing)
    assert.deepEqual($m('.error-summary a').toArray().map((a) => $m(a).attr('href')), ['#position', '#confirm'])
    assert.equal($m('#name').val(), 'นายสมชาย ทองดี')

    t.clock.set('2026-11-29T03:20:00Z')
    const ok = await c.post(`${BASE}/submit`, { _csrf: csrf, idempotencyKey: key, ...DECLARATION })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/portal/receipts/AMRAC-2569-000001')
    // A double click (same form) gives the same receipt, not a second submission.
    const again = await c.post(`${BASE}/submit`, { _csrf: csrf, idempotencyKey: key, ...DECLARATION })
    assert.equal(again.headers.location, '/portal/receipts/AMRAC-2569-000001')
    assert.equal((await db().select().from(submissions).where(eq(submissions.assessmentId, assessmentId))).length, 1)

    const receipt = html(await c.get('/portal/receipts/AMRAC-2569-000001'))
    assert.equal(receipt('#submission-confirmation').text(), 'ทำการส่งข้อมูลไปยัง ปปง. เรียบร้อยแล้ว เมื่อวันที่ 29/11/2026 10:20')
    assert.equal(receipt('#receipt-ref').text(), 'AMRAC-2569-000001')
    assert.match(receipt('.hash').text(), /^[0-9a-f]{64}$/)

    // Afterwards: read-only. Pages lead to the view; a late post is refused with a clear message.
    const list = html(await c.get(BASE))
    assert.match(list('#submitted-title').text(), /ทำการส่งข้อมูลไปยัง ปปง. เรียบร้อยแล้ว เมื่อวันที่ 29\/11\/2026 10:20/)
    const page = await c.get(`${BASE}/part-b/2`)
    assert.equal(page.headers.location, `${BASE}/view`)
    const view = html(await c.get(`${BASE}/view`))
    assert.equal(view('h1').text(), 'ข้อมูลที่ส่งแล้ว')
    assert.equal(view('.summary-list__actions').length, 0, 'no change links')
    assert.match(view('table').last().text(), /AMRAC-2569-000001/)
    const late = await c.post(`${BASE}/part-b/2`, { _csrf: csrf, intent: 'save_draft', B08_total: '1' })
    assert.equal(late.statusCode, 409)
    assert.match(html(late)('main').text(), /ส่งแล้ว/)
  })

  test('another business cannot open a receipt; a junk reference is not found', async () => {
    const a = await business()
    await fillComplete(a.actor)
    const form = html(await a.c.get(`${BASE}/submit`))
    await a.c.post(`${BASE}/submit`, { _csrf: form('input[name=_csrf]').val() as string, idempotencyKey: 'k-1', ...DECLARATION })
    const b = await business()
    assert.equal((await b.c.get('/portal/receipts/AMRAC-2569-000001')).statusCode, 404)
    assert.equal((await b.c.get('/portal/receipts/%3Cx%3E')).statusCode, 404)
    assert.doesNotMatch((await b.c.get(`${BASE}/view`)).body, /AMRAC-2569-000001/)
  })

  test('returned for correction: the reasons show at the part and the question, and it can be corrected and resubmitted as version 2', async () => {
    const { c, actor } = await business()
    const assessmentId = await fillComplete(actor)
    const form = html(await c.get(`${BASE}/submit`))
    await c.post(`${BASE}/submit`, { _csrf: form('input[name=_csrf]').val() as string, idempotencyKey: 'k-1', ...DECLARATION })
    const examiner = await makeUser(db(), { role: 'examiner' })
    await returnForCorrection(t.deps, {
      actor: { kind: 'user', id: examiner.id, role: 'examiner', entityId: null, displayName: 'ผู้ตรวจ' },
      assessmentId,
      reasons: { parts: { 'part-b': 'จำนวนพนักงานไม่ตรงกับงบการเงิน' }, fields: { B08_total: 'โปรดตรวจสอบจำนวนพนักงานทั้งหมด' } },
    })
    const list = html(await c.get(BASE))
    assert.match(list('main').text(), /ส่งกลับให้แก้ไข/)
    assert.match(list('.task-list__item').eq(1).text(), /ต้องแก้ไข/)
    assert.match(list('#corrections-title').parent().text(), /จำนวนพนักงานไม่ตรงกับงบการเงิน/)
    const page = html(await c.get(`${BASE}/part-b/2`))
    const reason = page('a').filter((_, a) => page(a).text().includes('โปรดตรวจสอบจำนวนพนักงานทั้งหมด'))
    assert.equal(reason.attr('href'), `${BASE}/part-b/2#B08_total`)
    const saved = await c.post(`${BASE}/part-b/2`, { _csrf: page('input[name=_csrf]').val() as string, ...browserFields(page), intent: 'save_draft', B08_total: '15' })
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300))
    assert.equal((await storedAnswers(assessmentId, 'part-b')).B08_total, 15)
    const again = html(await c.get(`${BASE}/submit`))
    // The first submission's form, posted again (a cached page, the back button), submits version 2.
    const res = await c.post(`${BASE}/submit`, { _csrf: again('input[name=_csrf]').val() as string, idempotencyKey: 'k-1', ...DECLARATION })
    assert.equal(res.headers.location, '/portal/receipts/AMRAC-2569-000002')
    const view = html(await c.get(`${BASE}/view`))
    assert.equal(view('table').last().find('tbody tr').length, 2, 'the history keeps both versions')
  })
})

/** What a browser would post from the question form as it stands (checked boxes only, no buttons). */
function browserFields($: ReturnType<typeof html>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  const add = (name: string, value: string) => {
    const prev = out[name]
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
  }
  $('#question-form').find('input, select, textarea').each((_, el) => {
    const e = $(el)
    const name = e.attr('name')
    const type = e.attr('type')
    if (!name || name === 'intent' || type === 'submit') return
    if ((type === 'radio' || type === 'checkbox') && e.attr('checked') === undefined) return
    if (el.tagName === 'select') add(name, (e.find('option[selected]').attr('value') ?? e.find('option').first().attr('value') ?? '') as string)
    else if (el.tagName === 'textarea') add(name, e.text())
    else add(name, (e.attr('value') ?? '') as string)
  })
  return out
}
