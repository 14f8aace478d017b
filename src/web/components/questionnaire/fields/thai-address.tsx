import { TextInput } from '#src/web/components/form/index.ts'
import { matchProvinceName, PROVINCE_NAMES } from '#src/entities/thai-address.ts'
import { ADDRESS_PART_LABELS, type AddressPart, type FieldDefOf } from '#src/questionnaire/engine/index.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, describedBy, errorId, fieldDescribedBy, groupClass, hintId, labelText } from '#src/web/components/form/field-parts.tsx'
import { prop, str, type FieldProps } from './types.ts'

/** Where assets/js/thai-address.js asks for districts, subdistricts and postcodes (thai-address.routes.ts). */
export const THAI_ADDRESS_ENDPOINT = '/reference/thai-address'

/** Browser autofill hints per part. */
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

/**
 * The order on screen. The engine keeps the Thai written order (… ตำบล อำเภอ จังหวัด รหัสไปรษณีย์);
 * the boxes put the province first because each choice narrows the next one (province → district →
 * subdistrict → postcode), as Thai shop and delivery forms do. Every part appears exactly once
 * (the type below fails to compile otherwise).
 */
const SCREEN_ORDER = ['houseNo', 'villageNo', 'building', 'soi', 'road', 'province', 'district', 'subdistrict', 'postcode'] as const
const _everyPartShown: Exclude<AddressPart, (typeof SCREEN_ORDER)[number]> extends never ? true : never = true

const WIDTH = { postcode: 10, houseNo: 10, villageNo: 4 } as const satisfies Partial<Record<AddressPart, 2 | 4 | 10>>
const HINTS = {
  district: 'questionnaire.address.hint.district',
  subdistrict: 'questionnaire.address.hint.subdistrict',
} as const satisfies Partial<Record<AddressPart, MessageKey>>

/**
 * `thaiAddress`: a fieldset named `${name}.houseNo` … `${name}.postcode`, ids `${id}-houseNo` ….
 * The server checks province → district → subdistrict → postcode together and reports the part at
 * fault (`T07.postcode`), shown at that box via `errorFor`. The first box (`${id}-houseNo`) is the
 * link target for an error on the whole address.
 *
 * Without JavaScript the province is a list of the 77 provinces and the other three are text boxes
 * (the server is lenient about spelling). assets/js/thai-address.js adds suggestion lists
 * (`<datalist>`) from THAI_ADDRESS_ENDPOINT: districts of the chosen province, subdistricts of the
 * district, and the postcode once a subdistrict is known; it never stops free typing and never
 * replaces what the person typed. The live region tells screen-reader users what it filled in.
 */
export function ThaiAddressField({ t, locale, def, name, id, value, error, errorFor }: FieldProps<FieldDefOf<'thaiAddress'>>) {
  const hint = def.hint ? t(def.hint) : undefined
  return (
    <div class={groupClass(error)}>
      <fieldset
        class="fieldset"
        id={id}
        aria-describedby={describedBy(hint ? hintId(id) : undefined, error ? errorId(id) : undefined)}
        data-thai-address={THAI_ADDRESS_ENDPOINT}
      >
        <legend class="fieldset__legend">{labelText(t, t(def.label), def.optional)}</legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
        {SCREEN_ORDER.map((part) =>
          part === 'province' ? (
            <ProvinceSelect
              key={part}
              t={t}
              id={`${id}-province`}
              name={`${name}.province`}
              value={str(prop(value, part))}
              error={errorFor(`${name}.province`)}
              optionLang={locale === 'th' ? undefined : 'th'}
            />
          ) : (
            <TextInput
              key={part}
              t={t}
              id={`${id}-${part}`}
              name={`${name}.${part}`}
              label={t(ADDRESS_PART_LABELS[part])}
              hint={part === 'district' || part === 'subdistrict' ? t(HINTS[part]) : undefined}
              error={errorFor(`${name}.${part}`)}
              value={str(prop(value, part))}
              autocomplete={AUTOCOMPLETE[part]}
              inputMode={part === 'postcode' ? 'numeric' : undefined}
              maxLength={part === 'postcode' ? 5 : 120}
              width={(WIDTH as Partial<Record<AddressPart, 2 | 4 | 10>>)[part] ?? 'full'}
            />
          ),
        )}
        <p
          class="visually-hidden"
          aria-live="polite"
          data-thai-address-status
          data-msg-postcode={t('questionnaire.address.filled.postcode', { postcode: '{postcode}' })}
          data-msg-postcode-choice={t('questionnaire.address.filled.postcodeChoice', { postcodes: '{postcodes}' })}
          data-msg-area={t('questionnaire.address.filled.area', { district: '{district}', province: '{province}' })}
        ></p>
      </fieldset>
    </div>
  )
}

type ProvinceSelectProps = { t: Translator; id: string; name: string; value: string; error: string | undefined; optionLang: 'th' | undefined }

/**
 * The 77 provinces in Thai order after an empty "เลือกจังหวัด". A stored province written another
 * accepted way ("กทม.") selects its canonical name; one that is no province at all is kept as a
 * first option "(ตามที่บันทึกไว้)", selected, so saving again loses nothing.
 */
function ProvinceSelect({ t, id, name, value, error, optionLang }: ProvinceSelectProps) {
  const trimmed = value.trim()
  const known = trimmed ? matchProvinceName(trimmed) : undefined
  const kept = trimmed && !known ? value : undefined
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {t(ADDRESS_PART_LABELS.province)}
      </label>
      {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
      <select
        class={error ? 'select select--error' : 'select'}
        id={id}
        name={name}
        autocomplete={AUTOCOMPLETE.province}
        aria-describedby={fieldDescribedBy(id, undefined, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        <option value="" selected={!known && !kept}>
          {t('questionnaire.address.chooseProvince')}
        </option>
        {kept !== undefined ? (
          <option value={kept} selected>
            {t('questionnaire.address.savedValue', { value: kept })}
          </option>
        ) : null}
        {PROVINCE_NAMES.map((p) => (
          <option key={p} value={p} selected={p === known} lang={optionLang}>
            {p}
          </option>
        ))}
      </select>
    </div>
  )
}
