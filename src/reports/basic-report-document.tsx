/**
 * รายงานข้อมูลพื้นฐาน (basic-information report), the document alone: the business's identity
 * (part ก), people (part ข: directors, shareholders, beneficial owners, compliance officer),
 * branches, attachments and the assessment's status. Values are summarised by the questionnaire
 * engine (same text as check-your-answers); national ID and passport numbers are always masked
 * (`maskThaiId`: 3-1006-xxxxx-xx-5). One template, two shells: the web page
 * (src/web/portal/basic-report-page.tsx, site layout and app.css) and the PDF
 * (basic-report-pdf.tsx, its own print CSS and inlined fonts).
 */
import type { ComponentChildren } from 'preact'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeLong, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { LEGAL_FORMS, type LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatJuristicId, isJuristicId, maskThaiId } from '#src/entities/juristic-id.rules.ts'
import {
  applyConditions,
  DOCUMENT_TYPE_LABELS,
  findField,
  isDocumentType,
  NOT_ANSWERED,
  summariseAnswer,
  summariseAnswers,
  visibleColumns,
  type GroupDef,
  type GroupRow,
} from '#src/questionnaire/engine/index.ts'
import type { AssessmentStatus } from '#src/submissions/assessment-status.rules.ts'
import type { BasicReport } from '#src/submissions/get-basic-report.ts'

export const ASSESSMENT_STATUS_REPORT_LABEL = {
  draft: 'questionnaire.basicReport.status.draft',
  submitted: 'questionnaire.basicReport.status.submitted',
  returned: 'questionnaire.basicReport.status.returned',
  accepted: 'questionnaire.basicReport.status.accepted',
} as const satisfies Record<AssessmentStatus, MessageKey>

/** Part ก questions that identify the business, in report order. */
const IDENTITY_FIELDS = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A06_primary', 'A10', 'A12_phone', 'A13_email'] as const

/** One table column: a header and the cell text of a row (undefined: nothing to show). */
type Column = { key: string; label: MessageKey; cell: (row: GroupRow) => string | undefined; nowrap?: boolean }
type GroupTable = { id: string; heading: MessageKey; groupId: string; columns: (group: GroupDef, t: Translator) => Column[] }

/** A visible column's answer as check-your-answers shows it. */
function leaf(group: GroupDef, t: Translator, id: string): Column | undefined {
  const col = group.fields.find((c) => c.id === id)
  if (!col) return undefined
  return {
    key: id,
    label: col.label,
    cell: (row) => (visibleColumns(group, row).some((c) => c.id === id) ? summariseAnswer(col, row[id], t) : undefined),
  }
}

/** The title option and the name, e.g. "นายสมชาย ทองดี". */
function personName(group: GroupDef, t: Translator): Column | undefined {
  const title = leaf(group, t, 'title')
  const name = leaf(group, t, 'fullNameTh')
  if (!name) return undefined
  return { key: 'name', label: name.label, cell: (row) => joinTitle(row.title === 'other' ? undefined : title?.cell(row), name.cell(row)) }
}

const isShown = (group: GroupDef, row: GroupRow, id: string) => visibleColumns(group, row).some((c) => c.id === id)
const asText = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** A person's Thai ID or other ID, masked; a juristic shareholder's registration number is public. */
function maskedId(group: GroupDef, ids: readonly string[]): Column {
  return {
    key: 'id',
    label: 'questionnaire.basicReport.idMasked',
    // "3-1006-xxxxx-xx-5" split at a hyphen would read as two numbers.
    nowrap: true,
    cell: (row) => {
      for (const id of ids) {
        const value = isShown(group, row, id) ? asText(row[id]) : undefined
        if (!value) continue
        if (row.holderType === 'juristic' && isJuristicId(value)) return formatJuristicId(value)
        return maskThaiId(value)
      }
      return undefined
    },
  }
}

const compact = (cols: (Column | undefined)[]): Column[] => cols.filter((c): c is Column => c !== undefined)

const GROUP_TABLES: readonly GroupTable[] = [
  {
    id: 'directors',
    heading: 'questionnaire.basicReport.section.directors',
    groupId: 'B01',
    columns: (g, t) => compact([personName(g, t), maskedId(g, ['thaiId', 'otherId']), leaf(g, t, 'nationality'), leaf(g, t, 'position'), leaf(g, t, 'signatory'), leaf(g, t, 'pep')]),
  },
  {
    id: 'shareholders',
    heading: 'questionnaire.basicReport.section.shareholders',
    groupId: 'B03',
    columns: (g, t) => compact([leaf(g, t, 'holderName'), leaf(g, t, 'holderType'), maskedId(g, ['idNumber']), leaf(g, t, 'country'), leaf(g, t, 'sharePercent')]),
  },
  {
    id: 'beneficial-owners',
    heading: 'questionnaire.basicReport.section.beneficialOwners',
    groupId: 'B04',
    columns: (g, t) => compact([personName(g, t), maskedId(g, ['thaiId', 'otherId']), leaf(g, t, 'nationality'), leaf(g, t, 'basis'), leaf(g, t, 'sharePercent'), leaf(g, t, 'pep')]),
  },
  {
    id: 'branches',
    heading: 'questionnaire.basicReport.section.branches',
    groupId: 'B09',
    columns: (g, t) => compact([leaf(g, t, 'name'), leaf(g, t, 'branchCode'), leaf(g, t, 'address'), leaf(g, t, 'staff')]),
  },
  {
    id: 'compliance-officer',
    heading: 'questionnaire.basicReport.section.complianceOfficer',
    groupId: 'B11',
    columns: (g, t) => compact([personName(g, t), leaf(g, t, 'position'), leaf(g, t, 'reportsTo'), leaf(g, t, 'phone'), leaf(g, t, 'email'), leaf(g, t, 'appointedOn')]),
  },
]

/**
 * The registered name ("บริษัท ทองดีเยาวราช จำกัด") from part ก's answers. A name typed with its
 * legal form already ("Thongdee Co., Ltd.") is shown as typed, not with the form twice.
 */
function businessName(answers: Record<string, unknown>, locale: 'th' | 'en'): string | undefined {
  const nameTh = asText(answers.A02)
  if (!nameTh) return undefined
  const nameEn = locale === 'en' ? asText(answers.A03) : undefined
  const legalForm: LegalForm = (LEGAL_FORMS as readonly unknown[]).includes(answers.A04) ? (answers.A04 as LegalForm) : 'other'
  const typed = nameEn ?? nameTh
  const [prefix = '', suffix = ''] = registeredName('\u0000', legalForm, locale, nameEn ? '\u0000' : undefined).split('\u0000')
  const hasForm = typed.toLowerCase().startsWith(prefix.trim().toLowerCase()) && typed.toLowerCase().endsWith(suffix.trim().toLowerCase())
  return hasForm && (prefix.trim() || suffix.trim()) ? typed : registeredName(nameTh, legalForm, locale, nameEn)
}

/** "นายสมชาย ทองดี" / "Mr Somchai": a Thai title joins the name without a space. */
const joinTitle = (title: string | undefined, name: string | undefined) =>
  name === undefined ? undefined : title ? `${title}${/[\u0E00-\u0E7F]$/.test(title) ? '' : ' '}${name}` : name

const definitionNumber = (v: string) => v.replace(/^v/i, '')

function SummaryRows({ rows }: { rows: readonly [string, string][] }) {
  return (
    <dl class="summary-list">
      {rows.map(([key, value]) => (
        <div class="summary-list__row" key={key}>
          <dt class="summary-list__key">{key}</dt>
          <dd class="summary-list__value">
            {value.split('\n').map((line, i) => (
              <p class="body" key={i}>
                {line}
              </p>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  )
}

function Section({ id, t, heading, children }: { id: string; t: Translator; heading: MessageKey; children: ComponentChildren }) {
  return (
    <section class="basic-report__section" aria-labelledby={`report-${id}`}>
      <h2 class="heading-m" id={`report-${id}`}>
        {t(heading)}
      </h2>
      {children}
    </section>
  )
}

export function BasicReportDocument({ t, locale, report }: { t: Translator; locale: 'th' | 'en'; report: BasicReport }) {
  const { definition, submission } = report
  const shown = applyConditions(definition, report.answers).answers
  const identity = summariseAnswers(definition, report.answers, t, 'part-a').filter((r) => (IDENTITY_FIELDS as readonly string[]).includes(r.fieldId))
  const name = businessName(shown, locale)
  const assessmentRows: [string, string][] = [
    [t('questionnaire.basicReport.cycle'), locale === 'en' ? report.cycle.nameEn : report.cycle.nameTh],
    [t('questionnaire.basicReport.definitionVersion'), t('questionnaire.basicReport.definitionVersionValue', { version: definitionNumber(report.definitionVersion) })],
    [t('questionnaire.basicReport.status'), t(ASSESSMENT_STATUS_REPORT_LABEL[report.status])],
    ...(submission
      ? ([
          [t('questionnaire.basicReport.submittedVersion'), t('questionnaire.basicReport.submittedVersionValue', { version: submission.version })],
          [t('questionnaire.basicReport.submittedAt'), formatDateTimeNumeric(submission.submittedAt)],
          [t('questionnaire.basicReport.receiptRef'), submission.receiptRef],
          [t('questionnaire.basicReport.declarant'), t('questionnaire.basicReport.declarantValue', { name: submission.declarantName, position: submission.declarantPosition })],
        ] as [string, string][])
      : []),
  ]
  return (
    <article class={`basic-report${report.draft ? ' basic-report--draft' : ''}`}>
      {report.draft ? (
        <p class="basic-report__watermark" aria-hidden="true">
          {t('questionnaire.basicReport.draft')}
        </p>
      ) : null}
      <p class="basic-report__agency">{t('common.app.owner')}</p>
      <h1 class="heading-xl basic-report__title">
        {t('questionnaire.basicReport.title')}
        {report.draft ? (
          <>
            {' '}
            <strong class="tag tag--yellow basic-report__draft">{t('questionnaire.basicReport.draft')}</strong>
          </>
        ) : null}
      </h1>
      {name ? <p class="body-l basic-report__business">{t('questionnaire.basicReport.reportingEntity', { name })}</p> : null}
      <p class="body">{t('questionnaire.basicReport.generatedAt', { at: formatDateTimeLong(report.generatedAt, locale) })}</p>
      {report.draft ? <p class="body basic-report__draft-note">{t('questionnaire.basicReport.draftNote')}</p> : null}

      <Section id="assessment" t={t} heading="questionnaire.basicReport.section.assessment">
        <SummaryRows rows={assessmentRows} />
      </Section>

      <Section id="identity" t={t} heading="questionnaire.basicReport.section.identity">
        <SummaryRows rows={identity.map((r) => [t(r.label), r.value ?? t(NOT_ANSWERED)] as [string, string])} />
      </Section>

      {GROUP_TABLES.map((table) => {
        const group = findField(definition, table.groupId)?.def
        if (!group || group.type !== 'group') return null
        const rows = Array.isArray(shown[table.groupId]) ? (shown[table.groupId] as unknown[]).filter((r): r is GroupRow => !!r && typeof r === 'object') : []
        const columns = table.columns(group, t)
        return (
          <Section id={table.id} t={t} heading={table.heading} key={table.id}>
            {rows.length === 0 ? (
              <p class="body">{t('questionnaire.basicReport.none')}</p>
            ) : (
              <table class="table basic-report__table" aria-labelledby={`report-${table.id}`}>
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th scope="col" key={c.key}>
                        {t(c.label)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={i}>
                      {columns.map((c) => (
                        <td key={c.key} class={c.nowrap ? 'basic-report__nowrap' : undefined}>
                          {c.cell(row) ?? ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        )
      })}

      <Section id="attachments" t={t} heading="questionnaire.basicReport.section.attachments">
        {report.attachments.length === 0 ? (
          <p class="body">{t('questionnaire.basicReport.none')}</p>
        ) : (
          <table class="table basic-report__table" aria-labelledby="report-attachments">
            <thead>
              <tr>
                <th scope="col">{t('questionnaire.basicReport.attachment.type')}</th>
                <th scope="col">{t('questionnaire.basicReport.attachment.name')}</th>
                <th scope="col">{t('questionnaire.basicReport.attachment.uploadedAt')}</th>
                <th scope="col">{t('questionnaire.basicReport.attachment.sha256')}</th>
              </tr>
            </thead>
            <tbody>
              {report.attachments.map((a, i) => (
                <tr key={i}>
                  <td>{isDocumentType(a.documentType) ? t(DOCUMENT_TYPE_LABELS[a.documentType]) : a.documentType}</td>
                  <td class="basic-report__file">{a.displayName}</td>
                  <td>{a.uploadedAt ? formatDateTimeNumeric(a.uploadedAt) : t('questionnaire.basicReport.attachment.unknownTime')}</td>
                  <td>
                    <code>{a.sha256.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </article>
  )
}
