-- Issue 6: rescoring writes 100,000 scores of ~11 kB JSON text at once. Where the server has lz4
-- (PostgreSQL 14+ built with it), new score texts and snapshots are compressed with lz4, several
-- times cheaper than the default pglz for the same data; existing values stay as they are. Where it
-- has not (an embedded build without lz4), nothing changes.
DO $$
BEGIN
  ALTER TABLE "risk_scores" ALTER COLUMN "score" SET COMPRESSION lz4;
  ALTER TABLE "submissions" ALTER COLUMN "snapshot" SET COMPRESSION lz4;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'lz4 compression not available: % (keeping pglz)', SQLERRM;
END
$$;
