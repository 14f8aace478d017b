/**
 * Fills a questionnaire page in the browser from stored answers (the shapes of
 * tests/fixtures/questionnaires/*: money in satang, dates ISO, phones E.164), the way a person
 * would: each answer is turned into what its boxes show with the engine's own `toFormValue`
 * (Thai locale: Buddhist-Era years, 081-234-5678, 5000000.00) and typed, chosen or ticked in the
 * input the page renders for it. Ids follow the page's rule "form name with `.` replaced by `-`"
 * (B01.0.fullNameTh → #B01-0-fullNameTh); radios and checkboxes are picked by name and value.
 *
 * What needs the page's own buttons:
 *   - a question whose condition depends on an earlier answer appears only once that answer is
 *     saved: with JavaScript off after บันทึกแบบร่าง; with JavaScript on after the auto-save
 *     (htmx) re-renders the questions — the helper waits for that auto-save's response;
 *   - rows of a group beyond those shown are added with the group's add button (a post that
 *     saves and re-renders); a column whose condition depends on the row (nationality → ID
 *     number) appears after a save in both modes: the auto-save re-renders only when top-level
 *     questions appear or disappear (src/submissions/save-draft.ts compares top-level ids only);
 *   - a file answer: one upload per document via "+ เพิ่มเอกสาร" (saves, then the upload page:
 *     document type, file, อัปโหลด, back at the question).
 * Every page these buttons load is checked with axe (expectNoA11yViolations).
 */
import type { Locator, Page } from '@playwright/test'
import { questionnaire as thQuestionnaire } from '#locales/th/questionnaire.ts'
import { questionnaireV1 } from '#src/questionnaire/definition/v1/index.ts'
import {
  DOCUMENT_TYPE_LABELS,
  conditionReferences,
  findPage,
  leafModule,
  moduleFor,
  visibleColumns,
  type Answers,
  type Condition,
  type FieldDef,
  type GroupRow,
  type LeafFieldDef,
} from '#src/questionnaire/engine/index.ts'
import { PDF_MIN } from '#tests/support/sample-files.ts'
import { expect, expectNoA11yViolations } from './fixtures.ts'

export const CYCLE = '2569'
export const assessmentUrl = (path = '') => `/portal/assessments/${CYCLE}${path}`

/** Every page of version 1 in order: [partId, pageId]. */
export const V1_PAGES: ReadonlyArray<readonly [part: string, page: string]> = questionnaireV1.parts.flatMap((part) =>
  part.pages.map((pg) => [part.id, pg.id] as const),
)

const domId = (name: string) => name.replace(/\./g, '-')
const cssEscape = (s: string) => s.replace(/["\\]/g, '\\$&')
const choice = (page: Page, name: string, value: string) => page.locator(`input[name="${cssEscape(name)}"][value="${cssEscape(value)}"]`)

type Ctx = {
  page: Page
  js: boolean
  /** /portal/assessments/2569/part-a/1 */
  path: string
  /** Top-level questions on this page that other questions on this page depend on. */
  controllers: ReadonlySet<string>
}

/** The visible บันทึกแบบร่าง (the form also starts with a hidden one, the default for Enter). */
export const saveDraftButton = (page: Page) => page.locator('#question-form').getByRole('button', { name: 'บันทึกแบบร่าง', exact: true }).last()
export const continueButton = (page: Page) => page.getByRole('button', { name: 'บันทึกและไปต่อ', exact: true })

/** Presses บันทึกแบบร่าง and waits for the page it loads (checked with axe). */
export async function saveDraft(page: Page): Promise<void> {
  const url = new URL(page.url())
  await saveDraftButton(page).click()
  await expect(page).toHaveURL((u) => u.pathname === url.pathname && u.search === '')
  await expectNoA11yViolations(page)
  await expect(page.getByText(/บันทึกแบบร่างแล้วเมื่อ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).first()).toBeVisible()
}

/** With JavaScript on: waits until htmx has no request, swap or settle under way. */
async function htmxIdle(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') === null)).toBe(true)
}

/** The auto-save (htmx, intent=autosave) of the question page at `path` whose post carries `name=value`. */
function autosaveAnswered(page: Page, path: string, name: string, value: string) {
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
  return page.waitForResponse((res) => {
    const req = res.request()
    const body = (req.postData() ?? '').split('&')
    return req.method() === 'POST' && new URL(res.url()).pathname === path && body.includes('intent=autosave') && body.includes(pair)
  })
}

/**
 * Runs `act` (a change of a controlling answer) and, with JavaScript on, waits for the auto-save
 * that carries `name=value` to be answered and swapped in, so nothing typed next is replaced by
 * the re-rendered questions.
 */
async function withAutosave(ctx: Ctx, name: string, value: string, act: () => Promise<void>): Promise<void> {
  if (!ctx.js) return act()
  const answered = autosaveAnswered(ctx.page, ctx.path, name, value)
  await act()
  expect((await answered).status(), `auto-save with ${name}=${value}`).toBe(200)
  await htmxIdle(ctx.page)
}

/**
 * JavaScript on: the person leaves the box they typed in last (`name`, holding `value`) and does
 * nothing else; the auto-save that follows must be answered and the page must say when it saved.
 */
export async function leaveAndAwaitAutosave(page: Page, name: string, value: string): Promise<void> {
  const answered = autosaveAnswered(page, new URL(page.url()).pathname, name, value)
  await page.locator(`#${domId(name)}`).blur()
  expect((await answered).status(), 'the auto-save is answered').toBe(200)
  await htmxIdle(page)
  await expect(page.locator('#autosave-status')).toHaveText(/^บันทึกอัตโนมัติแล้วเมื่อ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
}

/**
 * Makes sure the question or cell `name` is on the page. With JavaScript off, or for a group
 * column, it appears after a save; with JavaScript on, a top-level question must have appeared
 * by the auto-save already (withAutosave waited for it).
 */
async function ensureShown(ctx: Ctx, name: string, topLevel: boolean): Promise<void> {
  const target = ctx.page.locator(`#${domId(name)}`)
  if ((await target.count()) > 0) return
  if (ctx.js && topLevel) {
    await expect(target, `${name} appears after the auto-save`).toHaveCount(1)
    return
  }
  await saveDraft(ctx.page)
  await expect(target, `${name} appears after บันทึกแบบร่าง`).toHaveCount(1)
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))

/** Types `value` into a text box unless it already holds it (so passes can be repeated). */
async function typeInto(box: Locator, value: string): Promise<void> {
  if ((await box.inputValue()) === value) return
  await box.fill(value)
}

/** One leaf answer (a top-level question or a group cell) into its inputs. */
async function fillLeaf(ctx: Ctx, def: LeafFieldDef | FieldDef, name: string, answer: unknown, isController: boolean): Promise<void> {
  const { page } = ctx
  const id = domId(name)
  const formValue = moduleFor(def as FieldDef).toFormValue(answer, def as FieldDef, 'th')
  switch (def.type) {
    case 'text':
    case 'longText':
    case 'integer':
    case 'money':
    case 'percentage':
    case 'phone':
    case 'email':
    case 'thaiId13':
      return typeInto(page.locator(`#${id}`), str(formValue))
    case 'date': {
      const parts = formValue as { day: string; month: string; year: string }
      for (const box of ['day', 'month', 'year'] as const) await typeInto(page.locator(`#${id}-${box}`), parts[box])
      return
    }
    case 'thaiAddress': {
      const parts = formValue as Record<string, string>
      // Province first: the suggestions (JavaScript on) narrow by it; every box is typed anyway.
      if (parts.province) await page.locator(`#${id}-province`).selectOption(parts.province)
      for (const part of ['houseNo', 'villageNo', 'building', 'soi', 'road', 'district', 'subdistrict', 'postcode'] as const) {
        if (parts[part] !== undefined) await typeInto(page.locator(`#${id}-${part}`), parts[part])
      }
      return
    }
    case 'singleChoice':
    case 'ynp': {
      const value = str(formValue)
      const first = page.locator(`#${id}`)
      if ((await first.evaluate((el) => el.tagName)) === 'SELECT') {
        if ((await first.inputValue()) === value) return
        const act = () => first.selectOption(value).then(() => undefined)
        return isController ? withAutosave(ctx, name, value, act) : act()
      }
      const radio = choice(page, name, value)
      if (await radio.isChecked()) return
      const act = () => radio.check()
      return isController ? withAutosave(ctx, name, value, act) : act()
    }
    case 'multipleChoice': {
      const wanted = new Set((Array.isArray(formValue) ? formValue : [formValue]).map(str))
      const boxes = page.locator(`input[type="checkbox"][name="${cssEscape(name)}"]`)
      for (const box of await boxes.all()) {
        const should = wanted.has((await box.getAttribute('value')) ?? '')
        if ((await box.isChecked()) === should) continue
        const act = () => box.setChecked(should)
        // The auto-save carries the whole set; waiting on the last change is enough.
        if (isController && should) await withAutosave(ctx, name, (await box.getAttribute('value'))!, act)
        else await act()
      }
      return
    }
    case 'file':
      return attachDocuments(ctx, name, answer as Array<{ documentType: keyof typeof DOCUMENT_TYPE_LABELS }>)
    case 'group':
      throw new Error(`fillLeaf: ${name} is a group (fillGroup)`)
  }
}

/** The name of the PDF uploaded for a document type (dbd-certificate.pdf …). */
export const documentFileName = (documentType: string) => `${documentType.toLowerCase().replace(/_/g, '-')}.pdf`

/**
 * A file answer: one small real PDF per reference (named after its document type), each through
 * "+ เพิ่มเอกสาร" → the upload page → อัปโหลด → back at the question. Documents already listed
 * under the question (by that file name) are not uploaded again.
 */
async function attachDocuments(ctx: Ctx, name: string, refs: ReadonlyArray<{ documentType: keyof typeof DOCUMENT_TYPE_LABELS }>): Promise<void> {
  const { page } = ctx
  for (const ref of refs) {
    const fileName = documentFileName(ref.documentType)
    const list = page.locator(`#${domId(name)}`)
    if ((await list.getByRole('link', { name: fileName, exact: true }).count()) > 0) continue
    await page.locator(`button[name="intent"][value="${cssEscape(`document:${name}`)}"]`).click()
    await expect(page).toHaveURL(/\/documents\/new\?/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const typeLabel = thQuestionnaire[DOCUMENT_TYPE_LABELS[ref.documentType] as keyof typeof thQuestionnaire]
    const typeRadio = page.getByRole('radio', { name: typeLabel, exact: true })
    if ((await typeRadio.count()) > 0) await typeRadio.check()
    else await expect(page.locator('#documentType')).toContainText(typeLabel)
    await page.getByLabel('เลือกไฟล์').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF_MIN })
    await page.getByRole('button', { name: 'อัปโหลด', exact: true }).click()
    await expect(page).toHaveURL((u) => u.pathname === ctx.path)
    await expectNoA11yViolations(page)
    await expect(page.getByText(`เพิ่มเอกสาร ${fileName} แล้ว`)).toBeVisible()
    await expect(page.locator(`#${domId(name)}`).getByRole('link', { name: fileName, exact: true })).toBeVisible()
  }
}

/** A group answer: adds rows with the group's button until there are enough, then fills each row. */
async function fillGroup(ctx: Ctx, def: Extract<FieldDef, { type: 'group' }>, rows: readonly GroupRow[]): Promise<void> {
  const { page } = ctx
  for (let i = 0; i < rows.length; i++) {
    const rowName = `${def.id}.${i}`
    if ((await page.locator(`#${domId(rowName)}`).count()) === 0) {
      const addLabel = thQuestionnaire[(def.addLabel ?? 'questionnaire.form.addRow') as keyof typeof thQuestionnaire]
      await page.locator(`#${domId(def.id)}`).getByRole('button', { name: addLabel, exact: true }).click()
      await expect(page).toHaveURL((u) => u.pathname === ctx.path)
      await expectNoA11yViolations(page)
      await expect(page.locator(`#${domId(rowName)}`)).toBeVisible()
    }
    const row = rows[i]!
    // Columns shown for this row's own answers (nationality → ID number …); those that depend on
    // the row appear after a save.
    for (const col of visibleColumns(def, row)) {
      const answer = row[col.id]
      if (answer === undefined) continue
      const cellName = `${rowName}.${col.id}`
      await ensureShown(ctx, cellName, false)
      await fillLeaf(ctx, col, cellName, answer, false)
    }
  }
}

/** Top-level question ids of a page that a condition of another question (or section) there refers to. */
function controllersOf(partId: string, pageId: string): Set<string> {
  const pg = findPage(questionnaireV1, partId, pageId)
  if (!pg) throw new Error(`no page ${partId}/${pageId} in version 1`)
  const refs = new Set<string>()
  const add = (c: Condition | undefined) => c && conditionReferences(c).forEach((r) => refs.add(r.field))
  for (const section of pg.sections) {
    add(section.showIf)
    for (const f of section.fields) add(f.showIf)
  }
  return refs
}

/** The top-level questions of a page, in page order, whether or not shown now. */
function fieldsOf(partId: string, pageId: string): FieldDef[] {
  return findPage(questionnaireV1, partId, pageId)!.sections.flatMap((s) => s.fields)
}

/**
 * Fills the question page the browser is on (`partId`/`pageId` of version 1) with every answer
 * in `answers` that belongs to it. Read-only questions (A01) are left alone. `only` limits the
 * questions filled (e.g. half a part, to resume later). Does not press บันทึกแบบร่าง at the end:
 * the caller chooses the button.
 */
export async function fillQuestionPage(
  page: Page,
  opts: { partId: string; pageId: string; answers: Answers; js: boolean; only?: (fieldId: string) => boolean },
): Promise<void> {
  const path = assessmentUrl(`/${opts.partId}/${opts.pageId}`)
  await expect(page).toHaveURL((u) => u.pathname === path)
  const ctx: Ctx = { page, js: opts.js, path, controllers: controllersOf(opts.partId, opts.pageId) }
  for (const def of fieldsOf(opts.partId, opts.pageId)) {
    const answer = opts.answers[def.id]
    if (answer === undefined || def.readOnly || (opts.only && !opts.only(def.id))) continue
    await ensureShown(ctx, def.id, true)
    if (def.type === 'group') await fillGroup(ctx, def, answer as GroupRow[])
    else await fillLeaf(ctx, def, def.id, answer, ctx.controllers.has(def.id))
  }
  if (opts.js) await htmxIdle(page)
}

/**
 * What the boxes of question `fieldId` show must be what `answers` says (after a reload, a
 * sign-in again…): text-like and date boxes and ticked options. Groups, addresses and files are
 * checked by their first text-like cells.
 */
export async function expectPageShows(page: Page, fieldIds: readonly string[], answers: Answers): Promise<void> {
  for (const fieldId of fieldIds) {
    const def = fieldsOf(...partPageOf(fieldId)).find((f) => f.id === fieldId)!
    const answer = answers[fieldId]
    const form = moduleFor(def).toFormValue(answer, def, 'th')
    switch (def.type) {
      case 'date': {
        const parts = form as Record<string, string>
        for (const box of ['day', 'month', 'year']) await expect(page.locator(`#${fieldId}-${box}`)).toHaveValue(parts[box]!)
        break
      }
      case 'singleChoice':
      case 'ynp':
        await expect(choice(page, fieldId, str(form))).toBeChecked()
        break
      case 'multipleChoice':
        for (const v of form as string[]) await expect(choice(page, fieldId, v)).toBeChecked()
        break
      case 'group': {
        const first = (answer as GroupRow[])[0]!
        const col = def.fields.find((c) => ['text', 'integer', 'percentage', 'money'].includes(c.type) && first[c.id] !== undefined)!
        await expect(page.locator(`#${fieldId}-0-${col.id}`)).toHaveValue(str(leafModule(col).toFormValue(first[col.id], col, 'th')))
        break
      }
      case 'thaiAddress':
        await expect(page.locator(`#${fieldId}-houseNo`)).toHaveValue(str((form as Record<string, string>).houseNo))
        break
      case 'file':
        for (const ref of answer as Array<{ documentType: string }>) await expect(page.locator(`#${fieldId}`)).toContainText(documentFileName(ref.documentType))
        break
      case 'text':
      case 'longText':
      case 'integer':
      case 'money':
      case 'percentage':
      case 'phone':
      case 'email':
      case 'thaiId13':
        await expect(page.locator(`#${fieldId}`)).toHaveValue(str(form))
    }
  }
}

function partPageOf(fieldId: string): [string, string] {
  for (const [partId, pageId] of V1_PAGES) if (fieldsOf(partId, pageId).some((f) => f.id === fieldId)) return [partId, pageId]
  throw new Error(`no question ${fieldId} in version 1`)
}
