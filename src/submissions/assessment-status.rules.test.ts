import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ASSESSMENT_ACTIONS, ASSESSMENT_STATUSES, decideAssessmentAction, isEditable } from './assessment-status.rules.ts'

test('the whole status × action matrix', () => {
  const matrix = Object.fromEntries(
    ASSESSMENT_STATUSES.map((s) => [
      s,
      Object.fromEntries(
        ASSESSMENT_ACTIONS.map((a) => {
          const d = decideAssessmentAction(s, a)
          return [a, d.ok ? d.next : d.messageKey]
        }),
      ),
    ]),
  )
  assert.deepEqual(matrix, {
    draft: { save_draft: 'draft', upload: 'draft', remove_attachment: 'draft', submit: 'submitted', return: 'questionnaire.errors.notAllowed', accept: 'questionnaire.errors.notAllowed' },
    submitted: {
      save_draft: 'questionnaire.errors.notEditable',
      upload: 'questionnaire.errors.notEditable',
      remove_attachment: 'questionnaire.errors.notEditable',
      submit: 'questionnaire.errors.alreadySubmitted',
      return: 'returned',
      accept: 'accepted',
    },
    returned: { save_draft: 'returned', upload: 'returned', remove_attachment: 'returned', submit: 'submitted', return: 'questionnaire.errors.notAllowed', accept: 'questionnaire.errors.notAllowed' },
    accepted: {
      save_draft: 'questionnaire.errors.notEditable',
      upload: 'questionnaire.errors.notEditable',
      remove_attachment: 'questionnaire.errors.notEditable',
      submit: 'questionnaire.errors.alreadySubmitted',
      return: 'questionnaire.errors.notAllowed',
      accept: 'questionnaire.errors.notAllowed',
    },
  })
  assert.deepEqual(ASSESSMENT_STATUSES.filter(isEditable), ['draft', 'returned'])
})
