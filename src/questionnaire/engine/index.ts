/**
 * The questionnaire engine's public API (pure: no IO, no HTTP). See ../README.md.
 */
export {
  defineQuestionnaire,
  lintDefinition,
  collectMessageKeys,
  indexDefinition,
  findPart,
  findPage,
  findField,
  pageFields,
  fieldsByFeed,
  Definition,
  PartDef,
  PageDef,
  SectionDef,
  CrossFieldRule,
  type DefinitionInput,
  type PartInput,
  type SectionInput,
  type FieldInput,
  type RuleInput,
  type DefinitionIndex,
  type FieldEntry,
  type SectionEntry,
  type SumTerm,
} from './definition.ts'
export { evaluateCondition, conditionReferences, ConditionSchema, type Condition, type ConditionValue } from './conditions.ts'
export { FIELD_TYPES, type FieldType, type LeafFieldType } from './field-types/names.ts'
export { FIELD_TYPE_REGISTRY, FieldDef, moduleFor, isRegisteredFieldType, type AnswerByType, type FieldDefOf } from './registry.ts'
export { leafModule, type LeafFieldDef } from './field-types/leaves.ts'
export {
  parseDraftValue,
  type FieldIssue,
  type FieldTypeModule,
  type Parsed,
  type ValidationContext,
  type AttachmentRef,
} from './field-types/contract.ts'
export { groupMinRows, visibleColumns, type GroupDef, type GroupRow } from './field-types/group.ts'
export { satangToBaht, satangToBahtString, MAX_SATANG, type Satang } from './field-types/money.ts'
export { ADDRESS_PARTS, ADDRESS_PART_LABELS, type AddressPart, type ThaiAddressAnswer } from './field-types/thai-address.ts'
export { YNP_LABELS, YNP_VALUES, ynpOptions, type YnpAnswer } from './field-types/ynp.ts'
export { type FileRef } from './field-types/file.ts'
export {
  applyConditions,
  answersForPart,
  sectionKey,
  parseRowIntent,
  applyRowIntent,
  canAddRow,
  addRow,
  removeRow,
  mergeDraft,
  applyPrefill,
  type Answers,
  type Visibility,
  type RowIntent,
  type DraftPage,
  type PrefillValues,
} from './answers.ts'
export { validateDraft, validateSubmission, type Problem, type SubmissionResult } from './validate.ts'
export {
  assessmentProgress,
  partProgress,
  pageProgress,
  PART_STATUSES,
  PART_STATUS_LABELS,
  type PartStatus,
  type PartProgress,
  type PageProgress,
} from './progress.ts'
export { summariseAnswer, summariseAnswers, NOT_ANSWERED, type SummaryRow } from './summary.ts'
export { evaluateRule, type RuleViolation } from './rules.ts'
export { FEED_CODES, RISK_FACTOR_CODES, CONTROL_AREA_CODES, isFeedCode, type FeedCode, type RiskFactorCode, type ControlAreaCode } from './feeds.ts'
export {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPE_MEDIA_TYPES,
  isDocumentType,
  type DocumentType,
} from './document-types.ts'
export { PREFILL_SOURCES, PREFILL_SOURCE_TYPES, type PrefillSource } from './prefill-sources.ts'
export { FIELD_ID, SUB_FIELD_ID, PART_ID, PAGE_ID, SECTION_ID, OPTION_VALUE, rowPath } from './ids.ts'
