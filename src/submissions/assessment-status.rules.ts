/**
 * The assessment lifecycle (house style R6): status tuple, allowed actions per status, and one pure
 * decision function. A snapshot test pins the whole status × action matrix.
 *   draft → submitted → (returned → submitted …) → accepted
 * Staff review actions (return, accept) arrive with the back-office issue; they are declared here so
 * the business side already knows what a returned assessment means.
 */
export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number]

export const ASSESSMENT_ACTIONS = ['save_draft', 'upload', 'remove_attachment', 'submit', 'return', 'accept'] as const
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number]

export const ACTIONS_BY_STATUS = {
  draft: ['save_draft', 'upload', 'remove_attachment', 'submit'],
  submitted: ['return', 'accept'],
  returned: ['save_draft', 'upload', 'remove_attachment', 'submit'],
  accepted: [],
} as const satisfies Record<AssessmentStatus, readonly AssessmentAction[]>

export const NEXT_STATUS = {
  save_draft: undefined,
  upload: undefined,
  remove_attachment: undefined,
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
} as const satisfies Record<AssessmentAction, AssessmentStatus | undefined>

export type Decision = { ok: true; next: AssessmentStatus } | { ok: false; messageKey: 'questionnaire.errors.notEditable' | 'questionnaire.errors.alreadySubmitted' | 'questionnaire.errors.notAllowed' }

export function decideAssessmentAction(status: AssessmentStatus, action: AssessmentAction): Decision {
  if ((ACTIONS_BY_STATUS[status] as readonly AssessmentAction[]).includes(action)) return { ok: true, next: NEXT_STATUS[action] ?? status }
  if (action === 'submit' && (status === 'submitted' || status === 'accepted')) return { ok: false, messageKey: 'questionnaire.errors.alreadySubmitted' }
  if (action === 'save_draft' || action === 'upload' || action === 'remove_attachment') return { ok: false, messageKey: 'questionnaire.errors.notEditable' }
  return { ok: false, messageKey: 'questionnaire.errors.notAllowed' }
}

export const isEditable = (status: AssessmentStatus) => (ACTIONS_BY_STATUS[status] as readonly AssessmentAction[]).includes('save_draft')
