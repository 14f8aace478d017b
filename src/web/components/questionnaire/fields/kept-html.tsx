/**
 * Questions rendered once and kept as HTML. Rendering the ~70 inputs of a page such as part ง is
 * most of the page's CPU, and nearly all of it (labels, hints, options, ids, classes) is the same
 * for every business. What is kept depends only on the question's definition, the language, its
 * form name and id, its error, and:
 * - text-like questions (text, long text, whole numbers, money, percentages, phones, e-mails,
 *   13-digit ids): whether the box is empty. They are kept as a template with one hole where the
 *   value goes; the value is put in and escaped by Preact on every render, so no business's text is
 *   kept;
 * - choice questions (single, multiple, yes/partly/no): the chosen option values, and only when
 *   every chosen value is one of the question's options (a small set every business shares).
 * Other types (dates, addresses, files, groups, read-only questions) are rendered every time; a
 * group's cells go through here one by one, in its first KEPT_ROWS rows (a question keeps few
 * renderings, and a group may have 100 rows).
 *
 * Kept only for a translator of the process's own catalogues (createTranslator): texts of a draft
 * questionnaire version previewed with its own messages are rendered every time. Definitions are
 * immutable objects (one per published version), so they key the store; each question keeps at
 * most MAX_PER_QUESTION renderings and starts again when it has more.
 *
 * What is kept is rendered from those props only (`keyedProps`): a renderer of these types that
 * read anything else (`errorFor`, attachments, document intents) would differ from a fresh
 * rendering, which kept-html.test.tsx compares on every page. A text-like value must go into the
 * page unchanged: the template is only kept when the value comes out exactly once.
 */
import { Fragment, h, type VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { ynpOptions, type LeafFieldDef, type LeafFieldType } from '#src/questionnaire/engine/index.ts'
import { renderedHtml } from '#src/web/lib/trusted-html.tsx'
import { str, strList, type FieldProps, type FieldRenderer } from './types.ts'

const TEXT_LIKE: ReadonlySet<LeafFieldType> = new Set<LeafFieldType>(['text', 'longText', 'integer', 'money', 'percentage', 'phone', 'email', 'thaiId13'])

/** Where a text-like value goes: a private-use character, which no text of ours holds and Preact does not escape. */
const HOLE = '\uE000'
export const MAX_PER_QUESTION = 64
/** Group cells are kept in the first rows only. */
export const KEPT_ROWS = 10

/** The parts of a kept rendering; null: this rendering cannot be kept (not tried again). */
type Kept = readonly string[] | null
const store = new WeakMap<LeafFieldDef, Map<string, Kept>>()

function kept(def: LeafFieldDef, key: string, render: () => Kept): Kept {
  let byKey = store.get(def)
  if (!byKey) store.set(def, (byKey = new Map()))
  let parts = byKey.get(key)
  if (parts === undefined) {
    if (byKey.size >= MAX_PER_QUESTION) byKey.clear()
    parts = render()
    byKey.set(key, parts)
  }
  return parts
}

/** The chosen option values as a key, or undefined when the value is not only options of the question. */
function choiceKey(def: LeafFieldDef, value: unknown): string | undefined {
  const allowed: readonly { value: string }[] | undefined =
    def.type === 'singleChoice' || def.type === 'multipleChoice' ? def.options : def.type === 'ynp' ? ynpOptions(def) : undefined
  if (!allowed) return undefined
  const known = (v: string) => v === '' || allowed.some((o) => o.value === v)
  if (def.type !== 'multipleChoice') return known(str(value)) ? str(value) : undefined
  // Checkboxes show which options are in the list: its order and repeats make no difference.
  const chosen = [...new Set(strList(value))].sort()
  return chosen.every(known) ? JSON.stringify(chosen) : undefined
}

/** The props a kept rendering depends on, and nothing else (see the header). */
const keyedProps = (props: FieldProps<LeafFieldDef>, value: unknown): FieldProps<LeafFieldDef> => ({
  t: props.t,
  locale: props.t.locale,
  def: props.def,
  name: props.name,
  id: props.id,
  value,
  error: props.error,
  errorFor: () => undefined,
})

/** The question as kept HTML, or undefined when it is rendered as usual. */
export function keptQuestion(props: FieldProps<LeafFieldDef>, Renderer: FieldRenderer<LeafFieldDef>): VNode | undefined {
  if (props.t.processCatalog !== true || props.def.readOnly) return undefined
  const row = /\.(\d+)\./.exec(props.name)
  if (row && Number(row[1]) >= KEPT_ROWS) return undefined
  const base = `${props.t.locale}\u0001${props.name}\u0001${props.id}\u0001${props.error ?? ''}`
  if (TEXT_LIKE.has(props.def.type)) {
    const value = str(props.value)
    if (value.includes(HOLE)) return undefined
    const parts = kept(props.def, `${base}\u0001${value === '' ? 'empty' : 'filled'}`, () => {
      if (value === '') return [renderToString(h(Renderer, keyedProps(props, '')))]
      const split = renderToString(h(Renderer, keyedProps(props, HOLE))).split(HOLE)
      return split.length === 2 ? split : null
    })
    if (!parts) return undefined
    return parts.length === 1 ? renderedHtml(parts) : renderedHtml(parts, [h(Fragment, null, value)])
  }
  const choice = choiceKey(props.def, props.value)
  if (choice === undefined) return undefined
  const value = props.def.type === 'multipleChoice' ? (JSON.parse(choice) as string[]) : choice
  return renderedHtml(kept(props.def, `${base}\u0001${choice}`, () => [renderToString(h(Renderer, keyedProps(props, value)))])!)
}
