/** Gathers every module's tables into one pg-core schema for Drizzle and drizzle-kit (R23). */
export * from '../entities/entities.tables.ts'
export * from '../identity/sessions.tables.ts'
export * from '../identity/users.tables.ts'
export * from '../audit/audit.tables.ts'
export * from '../notifications/outbox.tables.ts'
export * from '../support/support.tables.ts'
export * from '../submissions/submissions.tables.ts'
