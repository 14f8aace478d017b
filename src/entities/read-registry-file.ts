/**
 * Reads an uploaded registry file (issue 7), recognised by its content, never its name or declared
 * type: an XLSX workbook (file-type sees the xl/ parts of the zip) is read with exceljs, first
 * sheet only; anything file-type does not recognise that is valid UTF-8 text without NUL bytes is
 * read as CSV. Everything else (PDF, images, old .xls, zip…) is refused. Cells come back as text:
 * a formula cell comes back starting with "=", so the import refuses it like typed formula text.
 */
import { AppError } from '#src/platform/errors.ts'
import { XLSX_MEDIA_TYPE } from '#src/documents/documents.model.ts'
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './registry.model.ts'
import { parseCsv } from './registry.rules.ts'

export type RegistrySheet = { kind: 'csv' | 'xlsx'; rows: string[][]; rowNumbers: number[] }

const refuse = (messageKey: 'registry.import.errors.type' | 'registry.import.errors.encoding' | 'registry.import.errors.tooManyRows' | 'registry.import.errors.unreadable' | 'registry.import.errors.tooLarge') =>
  new AppError('VALIDATION', { messageKey, params: { maxRows: IMPORT_MAX_ROWS, maxMb: IMPORT_MAX_BYTES / (1024 * 1024) } })

type CellValue = unknown
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if ('formula' in o || 'sharedFormula' in o) return `=${String(o.formula ?? o.sharedFormula ?? '')}`
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('')
    if ('text' in o) return cellText(o.text)
    if ('error' in o) return ''
  }
  return ''
}

async function readXlsx(bytes: Buffer): Promise<RegistrySheet> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (e) {
    throw new AppError('VALIDATION', { messageKey: 'registry.import.errors.unreadable', cause: e })
  }
  const sheet = book.worksheets[0]
  if (!sheet) throw refuse('registry.import.errors.unreadable')
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) throw refuse('registry.import.errors.tooManyRows')
  const rows: string[][] = []
  const rowNumbers: number[] = []
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim())
    if (cells.some((x) => x !== '')) {
      rows.push(cells)
      rowNumbers.push(n)
    }
  })
  return { kind: 'xlsx', rows, rowNumbers }
}

export async function readRegistryFile(bytes: Buffer): Promise<RegistrySheet> {
  if (bytes.length > IMPORT_MAX_BYTES) throw refuse('registry.import.errors.tooLarge')
  if (bytes.length === 0) throw refuse('registry.import.errors.unreadable')
  const { fileTypeFromBuffer } = await import('file-type')
  const detected = (await fileTypeFromBuffer(bytes))?.mime
  if (detected === XLSX_MEDIA_TYPE) return readXlsx(bytes)
  if (detected) throw refuse('registry.import.errors.type')
  if (bytes.includes(0)) throw refuse('registry.import.errors.type')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw refuse('registry.import.errors.encoding')
  }
  const sheet = parseCsv(text)
  if (sheet.rows.length > IMPORT_MAX_ROWS + 1) throw refuse('registry.import.errors.tooManyRows')
  return { kind: 'csv', ...sheet }
}
