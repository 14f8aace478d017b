/**
 * The staff case inbox (issue 8; use case; R3): one page of cases under a filter — mine, a
 * team's, or all — with counts per status, the SLA state (sla.rules.ts, with the clock) and the
 * days each case has been open. Also the same list for export (capped). Read-only.
 */
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { CASE_STATUSES, isTerminal, type CaseStatus, type CaseType } from './case-status.rules.ts'
import { countInboxByStatus, INBOX_EXPORT_MAX, INBOX_MAX_PAGE, INBOX_PAGE_SIZE, listCaseTeams, listInboxPage, type InboxFilter, type InboxListRow } from './case-inbox.repo.ts'
import { listCaseWorkers, type CaseWorker } from './cases.repo.ts'
import { requireCaseWorker } from './cases.shared.ts'
import { bangkokDay, caseSla, daysLeft, type CaseSla } from './sla.rules.ts'

export const OPEN_STATUSES = CASE_STATUSES.filter((s) => !isTerminal(s))

export type CaseCriteria = {
  /** Whose cases: the actor's, or everyone's (narrowed by `assignee` / `team`). */
  view: 'mine' | 'all'
  /** A user id, or 'unassigned' (only with view 'all'). */
  assignee?: string | undefined
  team?: string | undefined
  type?: CaseType | undefined
  /** One status, every open one (default) or any. */
  status?: CaseStatus | 'open' | 'any' | undefined
  overdue?: boolean | undefined
  search?: InboxFilter['search']
  dir: 'asc' | 'desc'
}

export type CaseListRow = InboxListRow & { sla: CaseSla; daysOpen: number }

export type CaseList = {
  rows: CaseListRow[]
  total: number
  page: number
  pages: number
  /** Cases per status under the filter, whatever the status filter. */
  counts: Map<CaseStatus, number>
  workers: CaseWorker[]
  teams: string[]
}

function filterOf(actorId: string, c: CaseCriteria, now: Date): InboxFilter {
  const statuses = c.status === 'any' ? CASE_STATUSES : !c.status || c.status === 'open' ? OPEN_STATUSES : [c.status]
  return {
    assigneeUserId: c.view === 'mine' ? actorId : c.assignee && c.assignee !== 'unassigned' ? c.assignee : undefined,
    unassigned: c.view === 'all' && c.assignee === 'unassigned',
    team: c.team,
    type: c.type,
    statuses,
    dueBefore: c.overdue ? bangkokDay(now) : undefined,
    search: c.search,
    dir: c.dir,
  }
}

const withClock = (rows: InboxListRow[], now: Date): CaseListRow[] => rows.map((r) => ({ ...r, sla: caseSla(r, now), daysOpen: -daysLeft(bangkokDay(r.openedAt), now) }))

export async function listCases(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; criteria: CaseCriteria; page: number }): Promise<CaseList> {
  const staff = requireCaseWorker(opts.actor)
  const db = deps.database.db
  const now = deps.clock.now()
  const f = filterOf(staff.id, opts.criteria, now)
  const counts = await countInboxByStatus(db, f)
  const total = f.statuses.reduce((n, s) => n + (counts.get(s) ?? 0), 0)
  const pages = Math.max(1, Math.min(INBOX_MAX_PAGE, Math.ceil(total / INBOX_PAGE_SIZE)))
  const page = Math.min(Math.max(1, opts.page), pages)
  const [rows, workers, teams] = await Promise.all([listInboxPage(db, f, { limit: INBOX_PAGE_SIZE, offset: (page - 1) * INBOX_PAGE_SIZE }), listCaseWorkers(db), listCaseTeams(db)])
  return { rows: withClock(rows, now), total, page, pages, counts, workers, teams }
}

/** The filtered list for CSV export, soonest due first, at most INBOX_EXPORT_MAX rows. */
export async function exportCases(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; criteria: CaseCriteria }): Promise<CaseListRow[]> {
  const staff = requireCaseWorker(opts.actor)
  const now = deps.clock.now()
  const rows = await listInboxPage(deps.database.db, filterOf(staff.id, opts.criteria, now), { limit: INBOX_EXPORT_MAX, offset: 0 })
  return withClock(rows, now)
}
