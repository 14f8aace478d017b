-- The dashboard counts the filed assessments of a cycle by business type × province × rating in force
-- (issue 6: p95 < 300 ms at 100,000 businesses). Joining the review rows to assessments and the
-- registry for that was most of the time, so each review row keeps a copy of its business's primary
-- type, province and standing. PostgreSQL keeps the copy, whatever changes it: filled when the row is
-- inserted, and refreshed when the registry row changes or an assessment moves to another business
-- (a merge of duplicates).
ALTER TABLE "assessment_reviews" ADD COLUMN "business_type" text;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "province" text;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "entity_active" boolean;--> statement-breakpoint
CREATE OR REPLACE FUNCTION assessment_reviews_entity_copy() RETURNS trigger AS $$
BEGIN
  SELECT e.primary_business_type, e.province, e.status = 'active'
    INTO NEW.business_type, NEW.province, NEW.entity_active
    FROM assessments a JOIN reporting_entities e ON e.id = a.entity_id
    WHERE a.id = NEW.assessment_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER assessment_reviews_entity_copy BEFORE INSERT ON "assessment_reviews"
  FOR EACH ROW EXECUTE FUNCTION assessment_reviews_entity_copy();--> statement-breakpoint
CREATE OR REPLACE FUNCTION reporting_entities_review_copy() RETURNS trigger AS $$
BEGIN
  UPDATE assessment_reviews ar
    SET business_type = NEW.primary_business_type, province = NEW.province, entity_active = NEW.status = 'active'
    FROM assessments a
    WHERE a.entity_id = NEW.id AND ar.assessment_id = a.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER reporting_entities_review_copy AFTER UPDATE OF primary_business_type, province, status ON "reporting_entities"
  FOR EACH ROW
  WHEN (OLD.primary_business_type IS DISTINCT FROM NEW.primary_business_type OR OLD.province IS DISTINCT FROM NEW.province OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION reporting_entities_review_copy();--> statement-breakpoint
CREATE OR REPLACE FUNCTION assessments_review_copy() RETURNS trigger AS $$
BEGIN
  UPDATE assessment_reviews ar
    SET business_type = e.primary_business_type, province = e.province, entity_active = e.status = 'active'
    FROM reporting_entities e
    WHERE e.id = NEW.entity_id AND ar.assessment_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER assessments_review_copy AFTER UPDATE OF entity_id ON "assessments"
  FOR EACH ROW WHEN (OLD.entity_id IS DISTINCT FROM NEW.entity_id)
  EXECUTE FUNCTION assessments_review_copy();--> statement-breakpoint
UPDATE "assessment_reviews" ar
  SET business_type = e.primary_business_type, province = e.province, entity_active = e.status = 'active'
  FROM assessments a JOIN reporting_entities e ON e.id = a.entity_id
  WHERE a.id = ar.assessment_id;
