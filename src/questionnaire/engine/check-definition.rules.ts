/**
 * The contract every questionnaire definition must meet (house style R15), as one pure checker:
 * the contract test runs it over every built-in definition and an admin import runs it over an
 * uploaded one. It returns localisable problems (message key + params, with a path saying where);
 * an empty list means the definition is fine.
 *
 * Rules: parts ก ข ค ง are `part-a`…`part-d` in order; field ids start with their part's letter
 * (part ง also takes its sector-module letters); every message key the definition can show has a
 * Thai and an English text that compiles and formats; every risk factor and control area is fed
 * by some question; and everything `lintDefinition` checks (unique ids, registered field types,
 * conditions on earlier questions only, known feeds, prefill sources and document types, rules).
 */
import { IntlMessageFormat } from 'intl-messageformat'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { INTL_TAG, LOCALES, type Locale } from '#src/platform/i18n/locale.ts'
import { collectMessageKeys, fieldsByFeed, indexDefinition, lintDefinition, type Definition } from './definition.ts'
import { FEED_CODES } from './feeds.ts'

export type DefinitionProblem = {
  /** Where: `parts`, `part-a/1/member/A01`, a message key, `rules[0] (sum)`… */
  readonly path: string
  readonly messageKey: MessageKey
  readonly params?: Readonly<Record<string, string | number>>
}

/** The text of a message key in a language, or undefined when there is none. */
export type MessageLookup = (locale: Locale, key: string) => string | undefined

export const REQUIRED_PART_IDS = ['part-a', 'part-b', 'part-c', 'part-d'] as const

/** The letters a field id may start with in each part: A–D, and part ง's sector modules G V R Q. */
export const PART_LETTERS: Readonly<Record<(typeof REQUIRED_PART_IDS)[number], readonly string[]>> = {
  'part-a': ['A'],
  'part-b': ['B'],
  'part-c': ['C'],
  'part-d': ['D', 'G', 'V', 'R', 'Q'],
}

/** Parameters every message must format with (covers those the engine passes to rule messages). */
const SAMPLE_PARAMS = { total: 99.5, expected: 100, rows: 1, count: 2, min: 1, max: 3, n: 1, value: 'x' }

function formats(text: string, locale: Locale): boolean {
  try {
    const out = new IntlMessageFormat(text, INTL_TAG[locale], undefined, { ignoreTag: true }).format(SAMPLE_PARAMS)
    return (Array.isArray(out) ? out.join('') : String(out)).trim().length > 0
  } catch {
    return false
  }
}

export function checkDefinition(definition: Definition, messageText: MessageLookup): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const partIds = definition.parts.map((p) => p.id)
  if (partIds.join(',') !== REQUIRED_PART_IDS.join(',')) {
    problems.push({ path: 'parts', messageKey: 'versions.check.parts', params: { expected: REQUIRED_PART_IDS.join(', '), found: partIds.join(', ') } })
  }

  for (const { def, partId, pageId, sectionId } of indexDefinition(definition).fields) {
    const letters = (PART_LETTERS as Record<string, readonly string[] | undefined>)[partId]
    if (letters && !letters.includes(def.id[0] ?? '')) {
      problems.push({ path: `${partId}/${pageId}/${sectionId}/${def.id}`, messageKey: 'versions.check.partLetter', params: { id: def.id, letters: letters.join(' ') } })
    }
  }

  for (const key of collectMessageKeys(definition)) {
    for (const locale of LOCALES) {
      const text = messageText(locale, key)
      if (text === undefined) problems.push({ path: key, messageKey: 'versions.check.messageMissing', params: { key, locale } })
      else if (!formats(text, locale)) problems.push({ path: key, messageKey: 'versions.check.messageInvalid', params: { key, locale } })
    }
  }

  const feeds = fieldsByFeed(definition)
  for (const code of FEED_CODES) if (feeds[code].length === 0) problems.push({ path: 'feeds', messageKey: 'versions.check.feedUnused', params: { code } })

  for (const detail of lintDefinition(definition)) {
    const at = detail.indexOf(': ')
    problems.push({ path: at > 0 ? detail.slice(0, at) : 'definition', messageKey: 'versions.check.structure', params: { detail: at > 0 ? detail.slice(at + 2) : detail } })
  }
  return problems
}

/** The app's own catalogs as a MessageLookup (for built-in definitions). */
export const catalogLookup =
  (catalogs: Readonly<Record<Locale, Readonly<Record<string, string>>>>): MessageLookup =>
  (locale, key) =>
    Object.hasOwn(catalogs[locale], key) ? catalogs[locale][key] : undefined
