import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only audit log (a trigger in the migration refuses UPDATE and DELETE). Payloads are
 * typed in audit-events.model.ts; they are stored, so changing a payload needs a data migration.
 * Never store a password, a token or a full national ID here.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    entityId: uuid('entity_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_entity_idx').on(t.entityId, t.at),
    index('audit_log_action_idx').on(t.action, t.id),
  ],
)
