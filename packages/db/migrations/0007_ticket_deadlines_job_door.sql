-- TTL job: force RLS on the deadlines table, grants, the trigger that keeps due times in step with tickets,
-- and the one cross-tenant door the job uses to claim due rows.
ALTER TABLE ticket_deadlines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON ticket_deadlines TO qline_app;--> statement-breakpoint
GRANT UPDATE (due_at, claimed_until) ON ticket_deadlines TO qline_app;--> statement-breakpoint
GRANT UPDATE (ttl) ON ticket_types TO qline_app;--> statement-breakpoint
GRANT UPDATE (estimator_secret) ON lines TO qline_app;--> statement-breakpoint
-- Runs as the invoker (qline_app in the ticket's tenant scope), so RLS applies to everything it reads/writes.
-- TTL = the line's `ttl`, where a key present in the ticket type's `ttl` wins (null there switches it off).
-- WARN (ticket age) is scheduled once, when the ticket is issued; EXPIRE while WAITING (from the join time, or
-- from now after a requeue); NO_SHOW while CALLED (from the call). Any other status removes what is due.
CREATE OR REPLACE FUNCTION app.schedule_ticket_deadlines() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE
  v_line jsonb;
  v_type jsonb;
  v_warn numeric;
  v_expire numeric;
  v_no_show numeric;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.line_id = OLD.line_id THEN
    RETURN NULL;
  END IF;
  IF NEW.status NOT IN ('WAITING', 'CALLED') THEN
    DELETE FROM ticket_deadlines d WHERE d.tenant_id = NEW.tenant_id AND d.ticket_id = NEW.id;
    RETURN NULL;
  END IF;
  SELECT l.ttl INTO v_line FROM lines l WHERE l.tenant_id = NEW.tenant_id AND l.id = NEW.line_id;
  SELECT tt.ttl INTO v_type FROM ticket_types tt WHERE tt.tenant_id = NEW.tenant_id AND tt.id = NEW.ticket_type_id;
  v_line := coalesce(v_line, '{}'::jsonb);
  v_type := coalesce(v_type, '{}'::jsonb);
  v_warn := (CASE WHEN v_type ? 'warnSeconds' THEN v_type ->> 'warnSeconds' ELSE v_line ->> 'warnSeconds' END)::numeric;
  v_expire := (CASE WHEN v_type ? 'waitingSeconds' THEN v_type ->> 'waitingSeconds' ELSE v_line ->> 'waitingSeconds' END)::numeric;
  v_no_show := (CASE WHEN v_type ? 'calledSeconds' THEN v_type ->> 'calledSeconds' ELSE v_line ->> 'calledSeconds' END)::numeric;

  IF TG_OP = 'INSERT' AND v_warn IS NOT NULL THEN
    INSERT INTO ticket_deadlines (tenant_id, ticket_id, action, due_at)
    VALUES (NEW.tenant_id, NEW.id, 'WARN', NEW.joined_at + make_interval(secs => v_warn))
    ON CONFLICT (tenant_id, ticket_id, action) DO NOTHING;
  END IF;

  IF NEW.status = 'WAITING' THEN
    DELETE FROM ticket_deadlines d WHERE d.tenant_id = NEW.tenant_id AND d.ticket_id = NEW.id AND d.action IN ('NO_SHOW', 'EXPIRE');
    IF v_expire IS NOT NULL THEN
      INSERT INTO ticket_deadlines (tenant_id, ticket_id, action, due_at)
      VALUES (NEW.tenant_id, NEW.id, 'EXPIRE',
        CASE WHEN TG_OP = 'UPDATE' AND OLD.status = 'CALLED' THEN now() ELSE NEW.joined_at END + make_interval(secs => v_expire));
    END IF;
  ELSE
    DELETE FROM ticket_deadlines d WHERE d.tenant_id = NEW.tenant_id AND d.ticket_id = NEW.id AND d.action IN ('NO_SHOW', 'EXPIRE');
    IF v_no_show IS NOT NULL THEN
      INSERT INTO ticket_deadlines (tenant_id, ticket_id, action, due_at)
      VALUES (NEW.tenant_id, NEW.id, 'NO_SHOW', coalesce(NEW.called_at, now()) + make_interval(secs => v_no_show));
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER tickets_deadlines AFTER INSERT OR UPDATE OF status, line_id ON tickets
  FOR EACH ROW EXECUTE FUNCTION app.schedule_ticket_deadlines();--> statement-breakpoint
-- The job's door: claims up to p_limit due rows across tenants (SKIP LOCKED: concurrent claimers on other API
-- processes take other rows) with a lease, and returns only (tenant, ticket, action). The action then runs in
-- that tenant's scope and deletes its row there; a claimer that dies leaves the row to be reclaimed after the lease.
CREATE OR REPLACE FUNCTION app.claim_due_ticket_deadlines(p_now timestamptz, p_limit integer, p_lease_seconds integer)
  RETURNS TABLE (tenant_id uuid, ticket_id uuid, action text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  WITH due AS (
    SELECT d.tenant_id, d.ticket_id, d.action FROM ticket_deadlines d
    WHERE d.due_at <= p_now AND (d.claimed_until IS NULL OR d.claimed_until <= p_now)
    ORDER BY d.due_at
    LIMIT least(greatest(p_limit, 1), 500)
    FOR UPDATE SKIP LOCKED
  )
  UPDATE ticket_deadlines d SET claimed_until = p_now + make_interval(secs => greatest(p_lease_seconds, 1))
  FROM due
  WHERE d.tenant_id = due.tenant_id AND d.ticket_id = due.ticket_id AND d.action = due.action
  RETURNING d.tenant_id, d.ticket_id, d.action
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.schedule_ticket_deadlines() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.claim_due_ticket_deadlines(timestamptz, integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.schedule_ticket_deadlines() TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.claim_due_ticket_deadlines(timestamptz, integer, integer) TO qline_app;
