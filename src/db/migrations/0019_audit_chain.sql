-- Hash chain over the audit log (docs/decisions/0008-audit-hash-chain.md). Writers never touch this
-- table: a sealer appends links for audit rows not yet chained, one sealer at a time (advisory lock).
CREATE TABLE "audit_chain" (
  "seq" bigint PRIMARY KEY NOT NULL,
  "audit_id" bigint NOT NULL,
  "prev_hash" text NOT NULL,
  "hash" text NOT NULL,
  "sealed_at" timestamp with time zone NOT NULL,
  CONSTRAINT "audit_chain_audit_id_unique" UNIQUE ("audit_id"),
  CONSTRAINT "audit_chain_audit_id_fk" FOREIGN KEY ("audit_id") REFERENCES "audit_log"("id"),
  CONSTRAINT "audit_chain_hash_format" CHECK ("hash" ~ '^[0-9a-f]{64}$' AND "prev_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action", "id");
--> statement-breakpoint
CREATE FUNCTION audit_chain_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON "audit_chain"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();
