/**
 * Identifier patterns of the questionnaire (house style R11). Every id is ASCII and stable: stored
 * answers, scoring models, attachments and correction notes refer to them for years.
 *
 * Field ids — `A01`, `A06_primary`, `C1_1`, `C1_1_evidence`, `D11_online`:
 *   - one capital letter: the part (A ก, B ข, C ค, D ง) or the part-ง sector module
 *     (G gold/gems, V vehicles, R real estate, Q antiques);
 *   - one or two digits: the question number (part-ค questions carry their control area, C1–C8);
 *   - optionally `_` and one or two digits: the sub-question (domain.md writes `C1.1`; we write `C1_1`);
 *   - optionally `_` and a camelCase word: one answer of a question with several (`A08_paidUp`).
 * Why no dots: an HTML form names its inputs by path — `B01.0.fullName` is group B01, row 0, column
 * fullName — and parseForm splits names at dots, so a dot inside an id would split one question in
 * two. Why no hyphens or other characters: ids are keys of the stored JSON, of TypeScript objects
 * and of message keys, and parseForm accepts only `[A-Za-z0-9_]` in a path segment.
 */
export const FIELD_ID = /^[A-Z][0-9]{1,2}(?:_[0-9]{1,2})?(?:_[a-z][A-Za-z0-9]{0,23})?$/

/**
 * Columns of a repeating group (`fullName`, `thaiId`): camelCase, starting lower-case, so a row path
 * `B01.0.fullName` can never be mistaken for a question id.
 */
export const SUB_FIELD_ID = /^[a-z][A-Za-z0-9]{0,31}$/

/** Parts: `part-a` … `part-d` (shown as ก ข ค ง through message keys, never in the id). */
export const PART_ID = /^part-[a-z]$/
/** Pages within a part: `1`, `2` — the last segment of `/portal/assessments/:cycle/:part/:page`. */
export const PAGE_ID = /^[1-9]$/
/** Sections (fieldsets) within a page, unique within the page: `directors`, `sector-gold`. */
export const SECTION_ID = /^[a-z][a-z0-9-]{0,39}$/
/** Option values of choice questions, stored in answers: `company_limited`, `yes`. */
export const OPTION_VALUE = /^[a-z0-9][a-z0-9_]{0,47}$/
/** A definition's name (its version is a separate integer). */
export const DEFINITION_ID = /^[a-z][a-z0-9-]{0,39}$/
/** Message keys: `questionnaire.A01.label`. Their presence in th and en is checked by the contract test. */
export const MESSAGE_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,119}$/
/** Attachment ids as the documents module issues them (UUIDs, or test ids). */
export const ATTACHMENT_ID = /^[A-Za-z0-9_-]{1,64}$/

/** `B01.0.fullName`: the form name and error path of a cell of a repeating group. */
export const rowPath = (groupId: string, index: number, column?: string): string =>
  column === undefined ? `${groupId}.${index}` : `${groupId}.${index}.${column}`
