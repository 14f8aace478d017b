/**
 * Questionnaire versions managed by admins (issue 7): the statuses, the import file format and its
 * pure checks. The file format is documented in src/questionnaire/README.md ("Importing a version").
 *
 *   { "definition": { …the engine's Definition, with its own "version": N… },
 *     "messages": { "th": { "qvN.…": "…" }, "en": { "qvN.…": "…" } } }
 *
 * Labels, hints and options are message keys. A key in the app catalogs is used as is; any other
 * key must be supplied in both languages and start with `qvN.` (N = the version), so an imported
 * text can never shadow an app text or another version's text.
 */
import { z } from 'zod'
import { isMessageKey, type MessageKey } from '#src/platform/i18n/catalog.ts'
import { LOCALES, type Locale } from '#src/platform/i18n/locale.ts'
import { checkDefinition, type DefinitionProblem, type MessageLookup } from '#src/questionnaire/engine/check-definition.rules.ts'
import { collectMessageKeys, Definition } from '#src/questionnaire/engine/definition.ts'
import { MESSAGE_KEY } from '#src/questionnaire/engine/ids.ts'

export const QUESTIONNAIRE_VERSION_STATUSES = ['draft', 'published'] as const
export type QuestionnaireVersionStatus = (typeof QUESTIONNAIRE_VERSION_STATUSES)[number]

/** Largest import file accepted (v1 as an import file is about 150 KB). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
export const MAX_MESSAGE_LENGTH = 4000
export const MAX_MESSAGES = 5000

/** The namespace of a version's own message keys. */
export const importedKeyPrefix = (version: number): string => `qv${version}.`

export type VersionMessages = Readonly<Record<Locale, Readonly<Record<string, string>>>>

const MessageTable = z.record(z.string().max(120), z.string().max(MAX_MESSAGE_LENGTH))
export const ImportFile = z.strictObject({
  definition: z.unknown(),
  messages: z.strictObject({ th: MessageTable, en: MessageTable }),
})

export type ImportCheck =
  | { ok: true; definition: Definition; messages: VersionMessages }
  | { ok: false; problems: DefinitionProblem[] }

export type ImportContext = {
  /** Versions that exist already (built-in and imported, drafts included). */
  takenVersions: ReadonlySet<number>
  /** The app catalogs' texts (keys used as is). */
  appText: MessageLookup
}

/** Deeper than any real definition (conditions nest at most 8); stops recursive schemas early. */
export const MAX_JSON_DEPTH = 40

/** Whether a parsed JSON value nests deeper than `max` (iterative: no stack to exhaust). */
function exceedsDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth >= max) return true
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

const zodPath = (prefix: string, path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.')

/** Parses and checks an uploaded file's text: every problem at once, each with its path. */
export function checkQuestionnaireImport(text: string, ctx: ImportContext): ImportCheck {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problems: [{ path: '(file)', messageKey: 'versions.import.notJson' }] }
  }
  if (exceedsDepth(json, MAX_JSON_DEPTH)) return { ok: false, problems: [{ path: '(file)', messageKey: 'versions.import.tooDeep', params: { max: MAX_JSON_DEPTH } }] }
  const file = ImportFile.safeParse(json)
  if (!file.success) {
    return { ok: false, problems: file.error.issues.slice(0, 50).map((i) => ({ path: zodPath('', i.path) || '(file)', messageKey: 'versions.import.shape', params: { detail: i.message } })) }
  }
  const parsed = Definition.safeParse(file.data.definition)
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 100).map((i) => ({ path: zodPath('definition', i.path), messageKey: 'versions.import.schema', params: { detail: i.message } })) }
  }
  const definition = parsed.data
  const problems: DefinitionProblem[] = []
  if (ctx.takenVersions.has(definition.version)) {
    problems.push({ path: 'definition.version', messageKey: 'versions.import.versionTaken', params: { version: definition.version } })
  }

  const prefix = importedKeyPrefix(definition.version)
  const supplied = file.data.messages
  const used = collectMessageKeys(definition)
  let count = 0
  for (const locale of LOCALES) {
    for (const key of Object.keys(supplied[locale])) {
      count++
      const path = `messages.${locale}.${key}`
      if (isMessageKey(key)) problems.push({ path, messageKey: 'versions.import.keyShadows', params: { key } })
      else if (!key.startsWith(prefix) || !MESSAGE_KEY.test(key)) problems.push({ path, messageKey: 'versions.import.keyNamespace', params: { key, prefix } })
      else if (!used.has(key as MessageKey)) problems.push({ path, messageKey: 'versions.import.keyUnused', params: { key } })
    }
  }
  if (count > MAX_MESSAGES * 2) problems.push({ path: 'messages', messageKey: 'versions.import.tooManyMessages', params: { max: MAX_MESSAGES } })

  const lookup: MessageLookup = (locale, key) => (isMessageKey(key) ? ctx.appText(locale, key) : key.startsWith(prefix) && Object.hasOwn(supplied[locale], key) ? supplied[locale][key] : undefined)
  problems.push(...checkDefinition(definition, lookup))
  if (problems.length) return { ok: false, problems }
  const own = (locale: Locale) => Object.fromEntries(Object.entries(supplied[locale]))
  return { ok: true, definition, messages: { th: own('th'), en: own('en') } }
}
