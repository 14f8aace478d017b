/**
 * The filtered audit log as CSV (UTF-8 with a BOM so Excel shows Thai). Every cell goes through
 * `neutraliseCell` against spreadsheet formula injection, like the staff queue export.
 */
import { AUDIT_ACTION_LABEL } from '#src/audit/audit-action-labels.ts'
import type { AuditRow } from '#src/audit/audit.repo.ts'
import { describeAuditEvent, isAuditAction, roleName } from '#src/audit/describe-audit-event.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { neutraliseCell } from '#src/review/review.model.ts'
import { toCsv } from '#src/web/staff/queue-export.ts'
import { entityName, rowEntityId, type EntityLabels, type UserNames } from './audit-page.tsx'

export function auditExportTable(t: Translator, locale: Locale, rows: readonly AuditRow[], names: UserNames, entities: EntityLabels): string[][] {
  const header = [
    t('auditlog.csv.id'),
    t('audit.col.time'),
    t('auditlog.csv.type'),
    t('audit.col.event'),
    t('audit.col.actor'),
    t('auditlog.csv.actorUsername'),
    t('auditlog.csv.actorRole'),
    t('audit.col.target'),
    t('auditlog.col.business'),
    t('auditlog.csv.juristicId'),
    t('audit.col.ip'),
  ]
  const body = rows.map((r) => {
    const actor = r.actorUserId ? names.get(r.actorUserId) : undefined
    const target = r.targetType === 'user' && r.targetId ? names.get(r.targetId) : undefined
    const entity = entities.get(rowEntityId(r) ?? '')
    return [
      String(r.id),
      formatDateTimeNumeric(r.at),
      isAuditAction(r.action) ? t(AUDIT_ACTION_LABEL[r.action]) : r.action,
      describeAuditEvent(t, r),
      actor?.name ?? r.actorUserId ?? '',
      actor?.username ?? '',
      r.actorRole ? roleName(t, r.actorRole) : '',
      target?.name ?? r.targetId ?? '',
      entity ? entityName(entity, locale) : '',
      entity?.juristicId ?? '',
      r.ip ?? '',
    ]
  })
  return [header, ...body].map((row) => row.map(neutraliseCell))
}

export const auditCsv = (...args: Parameters<typeof auditExportTable>) => toCsv(auditExportTable(...args))
