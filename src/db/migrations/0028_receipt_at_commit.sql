-- Issue 4 (deadline rush): the receipt number is given out AT COMMIT, not in the middle of the
-- submit transaction. The cycle's gap-free counter row is shared by every business submitting at
-- that moment; taken mid-transaction, it stayed locked while the application sent its last
-- statements and the COMMIT, so 1,000 businesses submitting over 50 connections queued behind a
-- few network round trips each. Now a submission is inserted under a provisional reference
-- ("pending:<its id>") with the rows that must carry the final reference (its event, audit row and
-- receipt e-mail) in "receipt_rows"; this deferred trigger runs inside the COMMIT: it takes the
-- next number, writes those rows with the provisional reference replaced, and sets the reference.
-- The counter row is locked only for that, inside the server. A rollback (or a failure here)
-- returns the number: still gap-free, numbered in commit order.
ALTER TABLE "submissions" ADD COLUMN "receipt_rows" jsonb;
--> statement-breakpoint
CREATE FUNCTION submissions_assign_receipt() RETURNS trigger AS $$
DECLARE
  n integer;
  cycle_code text;
  ref text;
  item jsonb;
  target text;
  cols text;
BEGIN
  UPDATE "assessment_cycles" SET "receipt_counter" = "receipt_counter" + 1 WHERE "id" = NEW."cycle_id"
    RETURNING "receipt_counter", "code" INTO n, cycle_code;
  ref := 'AMRAC-' || cycle_code || '-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END;
  FOR item IN SELECT value FROM jsonb_array_elements(replace(coalesce(NEW."receipt_rows", '[]'::jsonb)::text, NEW."receipt_ref", ref)::jsonb) LOOP
    target := item->>'table';
    IF target IS NULL OR target NOT IN ('assessment_events', 'audit_log', 'outbox') THEN
      RAISE EXCEPTION 'submissions_assign_receipt: rows for table % are not accepted', target;
    END IF;
    SELECT string_agg(quote_ident(k), ', ') INTO cols FROM jsonb_object_keys(item->'row') AS k;
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)', target, cols, cols, target) USING item->'row';
  END LOOP;
  UPDATE "submissions" SET "receipt_ref" = ref, "receipt_rows" = NULL WHERE "id" = NEW."id";
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER submissions_assign_receipt AFTER INSERT ON "submissions"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."receipt_ref" LIKE 'pending:%')
  EXECUTE FUNCTION submissions_assign_receipt();
