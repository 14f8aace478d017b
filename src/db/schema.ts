/** Gathers every module's tables into one pg-core schema for Drizzle and drizzle-kit (R23). */
export * from '../entities/entities.tables.ts'
export * from '../identity/sessions.tables.ts'
