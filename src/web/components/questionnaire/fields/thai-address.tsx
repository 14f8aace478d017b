import { TextInput } from '#src/web/components/form/index.ts'
import { ADDRESS_PART_LABELS, ADDRESS_PARTS, type AddressPart, type FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { ErrorMessage, Hint, describedBy, errorId, groupClass, hintId, labelText } from '#src/web/components/form/field-parts.tsx'
import { prop, str, type FieldProps } from './types.ts'

/** Browser autofill hints per part; the reference-data parts are plain text boxes for now. */
const AUTOCOMPLETE = {
  houseNo: 'address-line1',
  villageNo: 'off',
  building: 'address-line2',
  soi: 'off',
  road: 'address-line3',
  subdistrict: 'address-level3',
  district: 'address-level2',
  province: 'address-level1',
  postcode: 'postal-code',
} as const satisfies Record<AddressPart, string>

const WIDTH = { postcode: 10, houseNo: 10, villageNo: 4 } as const satisfies Partial<Record<AddressPart, 2 | 4 | 10>>

/**
 * `thaiAddress`: a fieldset of text boxes named `${name}.houseNo` … `${name}.postcode`, ids
 * `${id}-houseNo` …. The server checks province → district → subdistrict → postcode together
 * and reports the part at fault (`T07.postcode`), shown at that box via `errorFor`.
 * The first box (`${id}-houseNo`) is the link target for an error on the whole address.
 */
export function ThaiAddressField({ t, def, name, id, value, error, errorFor }: FieldProps<FieldDefOf<'thaiAddress'>>) {
  const hint = def.hint ? t(def.hint) : undefined
  return (
    <div class={groupClass(error)}>
      <fieldset class="fieldset" id={id} aria-describedby={describedBy(hint ? hintId(id) : undefined, error ? errorId(id) : undefined)}>
        <legend class="fieldset__legend">{labelText(t, t(def.label), def.optional)}</legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
        {ADDRESS_PARTS.map((part) => (
          <TextInput
            key={part}
            t={t}
            id={`${id}-${part}`}
            name={`${name}.${part}`}
            label={t(ADDRESS_PART_LABELS[part])}
            error={errorFor(`${name}.${part}`)}
            value={str(prop(value, part))}
            autocomplete={AUTOCOMPLETE[part]}
            inputMode={part === 'postcode' ? 'numeric' : undefined}
            maxLength={part === 'postcode' ? 5 : 120}
            width={(WIDTH as Partial<Record<AddressPart, 2 | 4 | 10>>)[part] ?? 'full'}
          />
        ))}
      </fieldset>
    </div>
  )
}
