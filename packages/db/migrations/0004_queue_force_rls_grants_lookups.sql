-- Queue tables: force RLS (the owner is bound by the policies too), column-listed grants, and the narrow
-- SECURITY DEFINER doors that locate a row's tenant by its id or a ticket by its tracking code.
ALTER TABLE ticket_types FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE lines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE counters FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE line_day_counters FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ticket_extension_schemas FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ticket_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Ids, tenancy, numbers and tracking codes are never updated; history and schema versions are append-only.
GRANT SELECT, INSERT ON ticket_types TO qline_app;--> statement-breakpoint
GRANT UPDATE (code, name, default_service_seconds) ON ticket_types TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON lines TO qline_app;--> statement-breakpoint
GRANT UPDATE (name, prefix, allowed_ticket_type_ids, accepting_tickets, capacity, time_zone, opening_hours, show_estimates, estimator, estimator_options, ttl, updated_at) ON lines TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON counters TO qline_app;--> statement-breakpoint
GRANT UPDATE (name, is_open) ON counters TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON line_day_counters TO qline_app;--> statement-breakpoint
GRANT UPDATE (last) ON line_day_counters TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON ticket_extension_schemas TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON tickets TO qline_app;--> statement-breakpoint
GRANT UPDATE (line_id, ticket_type_id, counter_id, status, sort_key, customer_name, phone, party_size, extensions, extension_schema_version, cancel_reason, called_at, served_at, completed_at, ended_at, updated_at) ON tickets TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON ticket_events TO qline_app;--> statement-breakpoint
-- Operations that take only an id (callTicket(id), createCounter(lineId), ...) learn the tenant here; the
-- caller then goes through the API's tenant door, which answers NOT_FOUND when the actor has no access.
CREATE OR REPLACE FUNCTION app.line_tenant(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT l.tenant_id FROM lines l WHERE l.id = p_id $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.counter_tenant(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.tenant_id FROM counters c WHERE c.id = p_id $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.ticket_tenant(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.tenant_id FROM tickets t WHERE t.id = p_id $$;--> statement-breakpoint
-- The public door: a tracking code is the customer's capability for exactly one ticket.
CREATE OR REPLACE FUNCTION app.ticket_by_code(p_code text) RETURNS TABLE (tenant_id uuid, id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.tenant_id, t.id FROM tickets t WHERE t.tracking_code = p_code $$;--> statement-breakpoint
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO qline_app;
