/**
 * The dry run of a registry import (use case, issue 7). Reads the file (read-registry-file.ts),
 * checks every row with the business form's schema and the address reference, finds duplicates
 * within the file and against the registry, and works out which rows would add a business, change
 * one (field by field) or change nothing. Nothing in the registry changes: the plan is stored as an
 * import batch, and "apply" (apply-registry-import.ts) applies exactly that plan.
 */
import { createHash } from 'node:crypto'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isMessageKey } from '#src/platform/i18n/catalog.ts'
import { normaliseNameForSearch } from './entity-name.rules.ts'
import { IMPORT_COLUMNS, IMPORT_PLAN_VERSION, IMPORT_ROW_KINDS, type BusinessField, type BusinessRecord, type ImportIssue, type ImportPlan, type ImportRowPlan } from './registry.model.ts'
import { diffBusiness, formulaColumns, mapHeader, rawFromRow } from './registry.rules.ts'
import { ADDRESS_LINE_MAX, BusinessInput, NAME_MAX, PLACE_MAX } from './registry.schemas.ts'
import { findBusinessesByNameKeys, findRegistryBusinessesByJuristicIds, insertImportBatch } from './registry-admin.repo.ts'
import { requireRegistryAdmin, withCanonicalAddress, type RegistryDeps } from './registry-checks.ts'
import { readRegistryFile } from './read-registry-file.ts'

const MAX_LENGTH: Partial<Record<BusinessField, number>> = { nameTh: NAME_MAX, nameEn: NAME_MAX, addressLine: ADDRESS_LINE_MAX, province: PLACE_MAX, district: PLACE_MAX, subdistrict: PLACE_MAX }

type Checked = { row: number; juristicId: string | null; record?: BusinessRecord; issues: ImportIssue[]; warnings: ImportIssue[] }

export async function previewRegistryImport(deps: RegistryDeps, opts: { actor: Actor; fileName: string; bytes: Buffer }): Promise<{ batchId: string }> {
  const actor = requireRegistryAdmin(opts.actor)
  const sheet = await readRegistryFile(opts.bytes)
  const [headerCells, ...data] = sheet.rows
  if (!headerCells || data.length === 0) throw new AppError('VALIDATION', { messageKey: 'registry.import.errors.noRows' })
  const header = mapHeader(headerCells)
  if (header.missing.length) throw new AppError('VALIDATION', { messageKey: 'registry.import.errors.missingColumns', params: { columns: header.missing.map((f) => IMPORT_COLUMNS[f]).join(', ') } })
  if (header.unknown.length) throw new AppError('VALIDATION', { messageKey: 'registry.import.errors.unknownColumns', params: { columns: header.unknown.join(', ').slice(0, 200) } })
  if (header.repeated.length) throw new AppError('VALIDATION', { messageKey: 'registry.import.errors.repeatedColumns', params: { columns: header.repeated.map((f) => IMPORT_COLUMNS[f]).join(', ') } })
  // Errors name the column as the file's header does.
  const columnName = (f: BusinessField) => headerCells[header.columns.indexOf(f)] ?? IMPORT_COLUMNS[f]

  const checked: Checked[] = []
  for (const [i, cells] of data.entries()) {
    const row = sheet.rowNumbers[i + 1]!
    const issues: ImportIssue[] = []
    const warnings: ImportIssue[] = []
    const raw = rawFromRow(cells, header.columns)
    // Excel drops the leading zero of a number-looking cell: 12 digits are read as a juristic number.
    if (typeof raw.juristicId === 'string' && /^\d{12}$/.test(raw.juristicId)) {
      raw.juristicId = `0${raw.juristicId}`
      warnings.push({ column: columnName('juristicId'), messageKey: 'registry.import.warn.leadingZero' })
    }
    for (const f of formulaColumns(cells, header.columns)) issues.push({ column: columnName(f), messageKey: 'registry.import.errors.formula' })
    const parsed = BusinessInput.safeParse(raw)
    let record: BusinessRecord | undefined
    if (!parsed.success) {
      const seen = new Set<string>()
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as BusinessField
        if (seen.has(field) || issues.some((x) => x.column === columnName(field))) continue
        seen.add(field)
        const max = MAX_LENGTH[field]
        issues.push({ column: columnName(field), messageKey: isMessageKey(issue.message) ? issue.message : 'errors.field.invalid', ...(max ? { params: { max } } : {}) })
      }
    } else if (!issues.length) {
      const address = await withCanonicalAddress(parsed.data)
      if (address.ok) record = address.record
      else issues.push({ column: columnName(address.field), messageKey: address.messageKey })
    }
    const juristicId = parsed.success ? parsed.data.juristicId : typeof raw.juristicId === 'string' && raw.juristicId ? raw.juristicId : null
    checked.push({ row, juristicId, record: issues.length ? undefined : record, issues, warnings })
  }

  // Duplicates within the file: every row with the number names the others.
  const byId = new Map<string, number[]>()
  for (const c of checked) if (c.juristicId) byId.set(c.juristicId, [...(byId.get(c.juristicId) ?? []), c.row])
  for (const c of checked) {
    const rows = c.juristicId ? byId.get(c.juristicId)! : []
    if (rows.length > 1) {
      c.issues.push({ column: columnName('juristicId'), messageKey: 'registry.import.errors.duplicateInFile', params: { rows: rows.filter((r) => r !== c.row).join(', ') } })
      c.record = undefined
    }
  }

  const db = deps.database.db
  const valid = checked.filter((c) => c.record)
  const stored = new Map((await findRegistryBusinessesByJuristicIds(db, valid.map((c) => c.record!.juristicId))).map((b) => [b.juristicId, b]))
  // Possible duplicates under another number: same Thai name (search key) in the registry or the file.
  const keyOf = (r: BusinessRecord) => normaliseNameForSearch(r.nameTh)
  const sameName = await findBusinessesByNameKeys(db, [...new Set(valid.map((c) => keyOf(c.record!)))])
  const fileNames = new Map<string, number[]>()
  for (const c of valid) fileNames.set(keyOf(c.record!), [...(fileNames.get(keyOf(c.record!)) ?? []), c.row])

  const rows: ImportRowPlan[] = checked.map((c): ImportRowPlan => {
    if (!c.record || c.issues.length) return { row: c.row, kind: 'error', juristicId: c.juristicId, issues: c.issues }
    const record = c.record
    const existing = stored.get(record.juristicId)
    const key = keyOf(record)
    const warnings = [...c.warnings]
    for (const other of sameName) {
      if (other.nameSearch === key && other.juristicId !== record.juristicId) warnings.push({ column: columnName('nameTh'), messageKey: 'registry.import.warn.sameNameInRegistry', params: { juristicId: other.juristicId } })
    }
    const fileRows = (fileNames.get(key) ?? []).filter((r) => r !== c.row)
    if (fileRows.length) warnings.push({ column: columnName('nameTh'), messageKey: 'registry.import.warn.sameNameInFile', params: { rows: fileRows.join(', ') } })
    if (!existing) return { row: c.row, kind: 'add', record, warnings }
    if (existing.mergedIntoId && record.status === 'active') {
      return { row: c.row, kind: 'error', juristicId: record.juristicId, issues: [{ column: columnName('status'), messageKey: 'registry.errors.mergedStaysCeased' }] }
    }
    const changes = diffBusiness(existing, record)
    const base = { row: c.row, entityId: existing.id, entityUpdatedAt: existing.updatedAt.toISOString(), record }
    return changes.length ? { ...base, kind: 'change', changes, warnings } : { ...base, kind: 'unchanged' }
  })

  const totals = Object.fromEntries(IMPORT_ROW_KINDS.map((k) => [k, rows.filter((r) => r.kind === k).length])) as ImportPlan['totals']
  const plan: ImportPlan = { version: IMPORT_PLAN_VERSION, rows, totals }
  const batchId = await insertImportBatch(db, {
    createdBy: actor.id,
    createdAt: deps.clock.now(),
    fileName: opts.fileName.slice(0, 200),
    fileKind: sheet.kind,
    fileSha256: createHash('sha256').update(opts.bytes).digest('hex'),
    plan,
  })
  return { batchId }
}
