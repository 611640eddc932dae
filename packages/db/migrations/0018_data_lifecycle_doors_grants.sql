-- Customer data lifecycle (GDPR): the grants erasure and deletion scheduling need, and four narrow doors.
--
-- Grants: erasing a ticket blanks columns the app role could already update (name, phone, email, extensions,
-- cancel reason, push subscription) plus the idempotency key and request hash (a hash of the contact data) and
-- the erasure stamp; deleteTenant / cancelTenantDeletion set and clear tenants.deletion_scheduled_at. Nothing else:
-- the app role still has no DELETE on any tenant table and no UPDATE on the append-only history and audit log.
GRANT UPDATE (personal_data_erased_at, idempotency_key, idempotency_hash) ON tickets TO qline_app;--> statement-breakpoint
GRANT UPDATE (deletion_scheduled_at) ON tenants TO qline_app;--> statement-breakpoint
-- History and audit rows are append-only for the app role, but a staff cancel reason is free text that may name
-- the customer, and both copy it (`data.reason` of a CANCELLED event, `after.reason` of a ticket.cancel audit).
-- This door removes exactly that key, only for the given tickets, only in the tenant in scope (RLS's scope).
CREATE OR REPLACE FUNCTION app.scrub_ticket_history(p_ticket_ids uuid[]) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE ticket_events SET data = data - 'reason'
    WHERE tenant_id = app.current_tenant_id() AND ticket_id = ANY(p_ticket_ids) AND kind = 'CANCELLED'
      AND jsonb_typeof(data) = 'object' AND data ? 'reason';
    UPDATE audit_log SET after = after - 'reason'
    WHERE tenant_id = app.current_tenant_id() AND target_type = 'ticket' AND target_id = ANY(p_ticket_ids::text[])
      AND action = 'ticket.cancel' AND jsonb_typeof(after) = 'object' AND after ? 'reason';
  $$;--> statement-breakpoint
-- The retention job's door: tenants holding ended tickets older than their effective retention period
-- (settings.retentionDays on the tenant or its nearest ancestor that sets a whole number from 1 to 3650; 30
-- otherwise — the same rule as apps/api/src/modules/data-lifecycle/retention.ts) whose personal data is still
-- kept. Returns only ids and days; the erasure itself runs in each tenant's own transaction, under RLS.
CREATE OR REPLACE FUNCTION app.claim_due_erasures(p_now timestamptz, p_limit integer)
  RETURNS TABLE (tenant_id uuid, retention_days integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT t.id, r.days FROM tenants t
  CROSS JOIN LATERAL (
    SELECT coalesce((
      SELECT c.n FROM tenants s
      CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(s.settings -> 'retentionDays') = 'number' THEN (s.settings ->> 'retentionDays')::numeric END AS n) c
      WHERE s.id = ANY(t.path) AND c.n BETWEEN 1 AND 3650 AND c.n = trunc(c.n)
      ORDER BY s.depth DESC LIMIT 1)::integer, 30) AS days
  ) r
  WHERE EXISTS (
    SELECT 1 FROM tickets k
    WHERE k.tenant_id = t.id AND k.personal_data_erased_at IS NULL
      AND k.status IN ('SERVED', 'NO_SHOW', 'CANCELLED', 'EXPIRED')
      AND coalesce(k.completed_at, k.ended_at) < p_now - make_interval(days => r.days))
  ORDER BY t.id
  LIMIT least(greatest(p_limit, 1), 1000)
$$;--> statement-breakpoint
-- The deletion job's door: tenants whose deletion grace has passed at p_now, the topmost of each subtree only
-- (deleting it deletes its descendants).
CREATE OR REPLACE FUNCTION app.claim_due_tenant_deletions(p_now timestamptz)
  RETURNS TABLE (id uuid, parent_id uuid, account_id uuid, slug text, name text, deletion_scheduled_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT t.id, t.parent_id, t.account_id, t.slug, t.name, t.deletion_scheduled_at FROM tenants t
  WHERE t.deletion_scheduled_at <= p_now
    AND NOT EXISTS (SELECT 1 FROM tenants a WHERE a.id = ANY(t.path) AND a.id <> t.id AND a.deletion_scheduled_at <= p_now)
  ORDER BY t.deletion_scheduled_at, t.id
  LIMIT 100
$$;--> statement-breakpoint
-- The hard delete, as a SECURITY DEFINER function owned by the migration role rather than DELETE grants for the
-- app role: the app role keeps no DELETE on tickets, history, audit or tenants (a bug or injection in request code
-- cannot delete a tenant's rows), RLS stays forced for it, and the only deletion possible through this door is of a
-- tenant whose deletion was scheduled (by its owner, through the API) and whose grace has passed at p_now. The
-- schedule is re-checked under the tenant row's lock, so two job runners delete once; the second gets NULL.
-- Every table of the public schema with a tenant_id column is emptied of the subtree's rows — a table added later
-- is covered without editing this function — in foreign-key order (a table is emptied once no remaining table
-- references it), then the tenant rows themselves. Returns the rows deleted per table.
CREATE OR REPLACE FUNCTION app.hard_delete_tenant(p_tenant uuid, p_now timestamptz) RETURNS jsonb
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v_subtree uuid[];
  v_tables text[];
  v_ready text[];
  v_table text;
  v_count bigint;
  v_counts jsonb := '{}'::jsonb;
BEGIN
  PERFORM 1 FROM tenants t WHERE t.id = p_tenant AND t.deletion_scheduled_at <= p_now FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(t.id) INTO v_subtree FROM tenants t WHERE t.path @> ARRAY[p_tenant];
  SELECT coalesce(array_agg(c.relname::text ORDER BY c.relname), '{}') INTO v_tables
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relname <> 'tenants';
  WHILE cardinality(v_tables) > 0 LOOP
    SELECT coalesce(array_agg(r.name), '{}') INTO v_ready
    FROM unnest(v_tables) AS r(name)
    WHERE NOT EXISTS (
      SELECT 1 FROM pg_constraint k
      WHERE k.contype = 'f' AND k.confrelid = format('public.%I', r.name)::regclass AND k.conrelid <> k.confrelid
        AND k.conrelid IN (SELECT format('public.%I', o.name)::regclass FROM unnest(v_tables) AS o(name)));
    IF cardinality(v_ready) = 0 THEN
      RAISE EXCEPTION 'hard_delete_tenant: foreign keys form a cycle among %', v_tables;
    END IF;
    FOREACH v_table IN ARRAY v_ready LOOP
      EXECUTE format('DELETE FROM public.%I WHERE tenant_id = ANY($1)', v_table) USING v_subtree;
      GET DIAGNOSTICS v_count = ROW_COUNT;
      v_counts := v_counts || jsonb_build_object(v_table, v_count);
    END LOOP;
    v_tables := ARRAY(SELECT x FROM unnest(v_tables) AS x WHERE NOT x = ANY(v_ready));
  END LOOP;
  DELETE FROM tenants t WHERE t.id = ANY(v_subtree);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_counts || jsonb_build_object('tenants', v_count);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.scrub_ticket_history(uuid[]) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.claim_due_erasures(timestamptz, integer) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.claim_due_tenant_deletions(timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.hard_delete_tenant(uuid, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.scrub_ticket_history(uuid[]) TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.claim_due_erasures(timestamptz, integer) TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.claim_due_tenant_deletions(timestamptz) TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.hard_delete_tenant(uuid, timestamptz) TO qline_app;
