import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CASE_STATUSES, type CaseStatus } from './case-status.rules.ts'
import { parseDueOn } from './cases.shared.ts'
import { isAppError } from '#src/platform/errors.ts'
import { addMonths, bangkokDay, caseSla, daysLeft, dueOnAfterTransition, fieldworkEarliest, isCalendarDay, isOverdue, latestReminder, questionnaireRemindersDue, remindersDue, reviewDueOn } from './sla.rules.ts'

const at = (iso: string) => new Date(iso)

describe('calendar days in Bangkok', () => {
  test('bangkokDay, daysLeft and overdue', () => {
    const rows: [string, string, string, number, boolean][] = [
      // now (UTC)              Bangkok day    due on        days left  overdue
      ['2026-11-29T16:59:59Z', '2026-11-29', '2026-11-29', 0, false],
      ['2026-11-29T17:00:00Z', '2026-11-30', '2026-11-29', -1, true],
      ['2026-11-29T03:00:00Z', '2026-11-29', '2026-12-29', 30, false],
      ['2026-12-31T20:00:00Z', '2027-01-01', '2027-01-01', 0, false],
    ]
    for (const [now, day, dueOn, left, overdue] of rows) {
      assert.equal(bangkokDay(at(now)), day, now)
      assert.equal(daysLeft(dueOn, at(now)), left, `${now} ${dueOn}`)
      assert.equal(isOverdue(dueOn, at(now)), overdue, `${now} ${dueOn}`)
    }
    assert.equal(isOverdue(null, at('2030-01-01T00:00:00Z')), false)
  })

  test('addMonths keeps the day or takes the last day of a shorter month', () => {
    const rows: [string, number, string][] = [
      ['2026-11-29', 12, '2027-11-29'],
      ['2026-11-29', 24, '2028-11-29'],
      ['2027-01-31', 1, '2027-02-28'],
      ['2028-01-31', 1, '2028-02-29'],
      ['2026-12-15', -12, '2025-12-15'],
    ]
    for (const [from, months, expected] of rows) assert.equal(addMonths(from, months), expected, `${from} + ${months}`)
  })
})

test('a calendar day is a real yyyy-mm-dd date; a due date typed as a month 13 is refused, not a crash', () => {
  for (const ok of ['2026-11-29', '2028-02-29', '2026-12-31']) assert.equal(isCalendarDay(ok), true, ok)
  for (const bad of ['2027-02-29', '2026-13-01', '2026-00-10', '2026-11-31', '29/11/2026', '2026-1-5', '']) assert.equal(isCalendarDay(bad), false, bad)
  const refusal = (() => {
    try {
      parseDueOn('2026-13-01', at('2026-11-29T03:00:00Z'))
    } catch (e) {
      return isAppError(e) ? `${e.code} ${e.messageKey}` : String(e)
    }
    return 'ok'
  })()
  assert.equal(refusal, 'VALIDATION cases.errors.dueOn')
})

describe('case due dates (§8.6)', () => {
  const now = at('2026-11-29T03:00:00Z') // 29 Nov 2026 in Bangkok
  test('the due date after each transition', () => {
    const rows: [CaseStatus | null, CaseStatus, string | null, string | null][] = [
      // from            to                 current due    expected
      [null, 'planned', null, '2027-11-29'],
      ['planned', 'notified', '2027-11-29', null],
      ['fieldwork', 'exit_meeting', null, '2026-12-29'],
      // the report timer carries on into draft_report
      ['exit_meeting', 'draft_report', '2026-12-20', '2026-12-20'],
      // off-site: the report timer starts with the draft report
      ['preparation', 'draft_report', null, '2026-12-29'],
      ['draft_report', 'entity_response', '2026-12-20', '2026-12-14'],
      ['entity_response', 'final_report', '2026-12-14', '2026-12-29'],
      ['final_report', 'remediation', '2026-12-29', '2026-12-29'],
      ['remediation', 'follow_up', '2026-12-29', null],
      ['follow_up', 'closed', null, null],
      ['fieldwork', 'escalated', null, null],
    ]
    for (const [from, to, currentDueOn, expected] of rows) {
      assert.equal(dueOnAfterTransition({ from, to, at: now, currentDueOn, targetDate: '2027-11-29' }), expected, `${from} → ${to}`)
    }
  })

  test('configurable days', () => {
    const config = { days: { review_after_submission: 10, notification_lead: 20, report_issue: 45, entity_comment: 7, action_plan: 60 }, questionnaireReminderDays: [14, 3], dueReminderDays: [7, 1] }
    assert.equal(dueOnAfterTransition({ from: 'fieldwork', to: 'exit_meeting', at: now, currentDueOn: null, targetDate: null }, config), '2027-01-13')
    assert.equal(fieldworkEarliest(now, config), '2026-12-19')
    assert.equal(reviewDueOn(now, config), '2026-12-09')
  })

  test('defaults: 15 days notice before fieldwork, review within 30 days', () => {
    assert.equal(fieldworkEarliest(now), '2026-12-14')
    assert.equal(reviewDueOn(at('2026-11-29T18:00:00Z')), '2026-12-30')
  })

  test('caseSla shows the running deadline and nothing for statuses without one', () => {
    assert.deepEqual(caseSla({ status: 'entity_response', dueOn: '2026-12-01' }, now), { timer: 'entity_comment', dueOn: '2026-12-01', daysLeft: 2, overdue: false })
    assert.deepEqual(caseSla({ status: 'exit_meeting', dueOn: '2026-11-20' }, now), { timer: 'report_issue', dueOn: '2026-11-20', daysLeft: -9, overdue: true })
    assert.deepEqual(caseSla({ status: 'planned', dueOn: '2027-11-29' }, now), { timer: 'plan_target', dueOn: '2027-11-29', daysLeft: 365, overdue: false })
    for (const status of CASE_STATUSES) assert.equal(caseSla({ status, dueOn: null }, now), null, status)
    assert.equal(caseSla({ status: 'fieldwork', dueOn: '2026-12-01' }, now), null)
  })
})

describe('reminders', () => {
  test('which reminders are due', () => {
    const rows: [string, string[], string[]][] = [
      // now (UTC)             already sent          due
      ['2026-12-01T03:00:00Z', [], []],
      ['2026-12-08T03:00:00Z', [], ['d-7']],
      ['2026-12-08T03:00:00Z', ['d-7'], []],
      ['2026-12-14T03:00:00Z', ['d-7'], ['d-1']],
      ['2026-12-15T03:00:00Z', [], ['d-7', 'd-1']],
      ['2026-12-16T03:00:00Z', ['d-7', 'd-1'], ['overdue']],
    ]
    for (const [now, sent, expected] of rows) assert.deepEqual(remindersDue('2026-12-15', at(now), [1, 7], sent), expected, `${now} ${sent.join()}`)
    assert.equal(latestReminder(['d-7', 'd-1']), 'd-1')
  })

  test('the questionnaire window: −14 and −3 days, then late', () => {
    const deadline = at('2027-03-31T00:00:00Z')
    assert.deepEqual(questionnaireRemindersDue(deadline, at('2027-03-16T03:00:00Z')), [])
    assert.deepEqual(questionnaireRemindersDue(deadline, at('2027-03-17T03:00:00Z')), ['d-14'])
    assert.deepEqual(questionnaireRemindersDue(deadline, at('2027-03-28T03:00:00Z'), ['d-14']), ['d-3'])
    assert.deepEqual(questionnaireRemindersDue(deadline, at('2027-04-01T03:00:00Z'), ['d-14', 'd-3']), ['overdue'])
  })
})
