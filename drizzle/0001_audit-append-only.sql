-- The audit log is append-only (ASVS 16.4.2, target S12): no UPDATE, no DELETE, whoever asks.
-- The one exception is the ON DELETE CASCADE of a deleted organisation (its rows go with it).
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.integrator_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM integrators WHERE id = OLD.integrator_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
