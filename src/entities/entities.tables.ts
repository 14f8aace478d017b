import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { ENTITY_STATUSES, LEGAL_FORMS } from './business-types.model.ts'

const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

/** Reference table: section-16 business types (seeded by migration, editable by admins). */
export const businessTypes = pgTable('business_types', {
  code: text('code').primaryKey(),
  sectionItem: text('section_item').notNull(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  supervisingDivision: text('supervising_division').notNull(),
  sortOrder: integer('sort_order').notNull(),
  isActive: boolean('is_active').notNull().default(true),
})

/** AMLO's registry of reporting entities (ผู้มีหน้าที่รายงาน) that may register in AMRAC. */
export const reportingEntities = pgTable(
  'reporting_entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    juristicId: text('juristic_id').notNull().unique(),
    /** Registered Thai name without the legal-form words (domain.md §9.6). */
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    tradingName: text('trading_name'),
    legalForm: text('legal_form').notNull(),
    primaryBusinessType: text('primary_business_type')
      .notNull()
      .references(() => businessTypes.code),
    businessTypes: text('business_types').array().notNull(),
    status: text('status').notNull().default('active'),
    registeredOn: date('registered_on'),
    /** The day a ceased business (status 'inactive') stopped trading; set by the registry admin (migration 0015). */
    ceasedOn: date('ceased_on'),
    /** A duplicate merged into another business: the surviving record (status 'inactive'). */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => reportingEntities.id),
    addressLine: text('address_line').notNull(),
    subdistrict: text('subdistrict').notNull(),
    district: text('district').notNull(),
    province: text('province').notNull(),
    postcode: text('postcode').notNull(),
    phone: text('phone'),
    email: text('email'),
    /** Normalised name for search: NFC, legal-form words and spaces removed, lower case. */
    nameSearch: text('name_search').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reporting_entities_status_check', inList('status', ENTITY_STATUSES)),
    check('reporting_entities_legal_form_check', inList('legal_form', LEGAL_FORMS)),
    check('reporting_entities_juristic_id_format', sql`juristic_id ~ '^0[0-9]{12}$'`),
    check('reporting_entities_postcode_format', sql`postcode ~ '^[1-9][0-9]{4}$'`),
    check('reporting_entities_ceased_check', sql`ceased_on is null or status = 'inactive'`),
    check('reporting_entities_merged_check', sql`merged_into_id is null or (status = 'inactive' and merged_into_id <> id)`),
    index('reporting_entities_name_search_idx').on(t.nameSearch),
    // The staff queue's name search (LIKE '%fragment%'): trigram indexes (pg_trgm, created by migration 0012).
    index('reporting_entities_name_search_trgm_idx').using('gin', t.nameSearch.op('gin_trgm_ops')),
    index('reporting_entities_name_en_trgm_idx').using('gin', sql`lower(${t.nameEn}) gin_trgm_ops`),
    // LIKE 'prefix%' on the juristic number (staff queue search) needs pattern ops under a non-C collation.
    index('reporting_entities_juristic_prefix_idx').on(t.juristicId.op('text_pattern_ops')),
    index('reporting_entities_province_idx').on(t.province),
    index('reporting_entities_primary_type_idx').on(t.primaryBusinessType),
    index('reporting_entities_name_en_lower_idx').on(sql`lower(${t.nameEn})`),
  ],
)
