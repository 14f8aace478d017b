/**
 * The attachments catalogue (domain.md §5.7): every attachment has one of these document types,
 * chosen when it is added with "+ เพิ่มเอกสาร". File questions list the types they accept.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'

export const DOCUMENT_TYPES = [
  'SERVICE_REQUEST_SIGNED', // the signed service-request form (registration; part ก)
  'DBD_CERTIFICATE', // หนังสือรับรองนิติบุคคล
  'VAT_CERT', // ภ.พ.20
  'SECTOR_LICENCE',
  'ORG_CHART',
  'SHAREHOLDER_LIST', // บอจ.5 for companies
  'AML_POLICY',
  'AML_MANUAL',
  'ENTERPRISE_RISK_ASSESSMENT',
  'CDD_FORMS',
  'TRAINING_RECORDS',
  'AUDIT_REPORT',
  'REMEDIATION_EVIDENCE',
  'OTHER',
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const isDocumentType = (v: unknown): v is DocumentType =>
  typeof v === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(v)

export const DOCUMENT_TYPE_LABELS = {
  SERVICE_REQUEST_SIGNED: 'questionnaire.documentType.SERVICE_REQUEST_SIGNED',
  DBD_CERTIFICATE: 'questionnaire.documentType.DBD_CERTIFICATE',
  VAT_CERT: 'questionnaire.documentType.VAT_CERT',
  SECTOR_LICENCE: 'questionnaire.documentType.SECTOR_LICENCE',
  ORG_CHART: 'questionnaire.documentType.ORG_CHART',
  SHAREHOLDER_LIST: 'questionnaire.documentType.SHAREHOLDER_LIST',
  AML_POLICY: 'questionnaire.documentType.AML_POLICY',
  AML_MANUAL: 'questionnaire.documentType.AML_MANUAL',
  ENTERPRISE_RISK_ASSESSMENT: 'questionnaire.documentType.ENTERPRISE_RISK_ASSESSMENT',
  CDD_FORMS: 'questionnaire.documentType.CDD_FORMS',
  TRAINING_RECORDS: 'questionnaire.documentType.TRAINING_RECORDS',
  AUDIT_REPORT: 'questionnaire.documentType.AUDIT_REPORT',
  REMEDIATION_EVIDENCE: 'questionnaire.documentType.REMEDIATION_EVIDENCE',
  OTHER: 'questionnaire.documentType.OTHER',
} as const satisfies Record<DocumentType, MessageKey>

const PDF_AND_IMAGES = ['application/pdf', 'image/jpeg', 'image/png'] as const
const OFFICE = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', // DOCX
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', // XLSX
] as const

/**
 * Media types accepted per document type, as detected from the content (never the name): PDF, JPEG
 * and PNG everywhere; DOCX and XLSX also for policies, manuals, risk assessments and forms.
 */
export const DOCUMENT_TYPE_MEDIA_TYPES = {
  SERVICE_REQUEST_SIGNED: PDF_AND_IMAGES,
  DBD_CERTIFICATE: PDF_AND_IMAGES,
  VAT_CERT: PDF_AND_IMAGES,
  SECTOR_LICENCE: PDF_AND_IMAGES,
  ORG_CHART: PDF_AND_IMAGES,
  SHAREHOLDER_LIST: PDF_AND_IMAGES,
  AML_POLICY: [...PDF_AND_IMAGES, ...OFFICE],
  AML_MANUAL: [...PDF_AND_IMAGES, ...OFFICE],
  ENTERPRISE_RISK_ASSESSMENT: [...PDF_AND_IMAGES, ...OFFICE],
  CDD_FORMS: [...PDF_AND_IMAGES, ...OFFICE],
  TRAINING_RECORDS: [...PDF_AND_IMAGES, ...OFFICE],
  AUDIT_REPORT: PDF_AND_IMAGES,
  REMEDIATION_EVIDENCE: PDF_AND_IMAGES,
  OTHER: PDF_AND_IMAGES,
} as const satisfies Record<DocumentType, readonly string[]>
