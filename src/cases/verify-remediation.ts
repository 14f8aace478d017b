/** An examiner accepts the evidence of a remediation action the business reported done (use case; R3). */
import type { AppDeps } from '#src/server/deps.ts'
import { decideRemediationAsStaff, type RemediationDecisionOptions } from './remediation-decision.shared.ts'

export type VerifyRemediationOptions = Omit<RemediationDecisionOptions, 'reason'>

export const verifyRemediation = (deps: Pick<AppDeps, 'database' | 'clock'>, opts: VerifyRemediationOptions) => decideRemediationAsStaff(deps, 'verify', opts)
