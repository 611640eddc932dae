-- Rename/archive/restore: the app role may set archived_at on lines, counters and ticket types (names it could
-- already update). Operations that take only a ticket type's id learn its tenant through a narrow door, like
-- app.line_tenant (CONVENTIONS.md 7).
GRANT UPDATE (archived_at) ON lines TO qline_app;--> statement-breakpoint
GRANT UPDATE (archived_at) ON counters TO qline_app;--> statement-breakpoint
GRANT UPDATE (archived_at) ON ticket_types TO qline_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.ticket_type_tenant(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.tenant_id FROM ticket_types t WHERE t.id = p_id $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.ticket_type_tenant(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.ticket_type_tenant(uuid) TO qline_app;
