/**
 * An examiner finds the evidence of a remediation action not enough (use case; R3): a reason is
 * required and is shown to the business, which may then report the action done again.
 */
import type { AppDeps } from '#src/server/deps.ts'
import { decideRemediationAsStaff, type RemediationDecisionOptions } from './remediation-decision.shared.ts'

export type RejectRemediationOptions = RemediationDecisionOptions & { reason: string }

export const rejectRemediation = (deps: Pick<AppDeps, 'database' | 'clock'>, opts: RejectRemediationOptions) => decideRemediationAsStaff(deps, 'reject', opts)
