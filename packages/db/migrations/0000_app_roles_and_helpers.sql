-- The application role: owns nothing, no superuser, no BYPASSRLS. Roles are cluster-global, so this is
-- idempotent (a second database in the same cluster, or two migrations racing, must both succeed).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qline_app') THEN
    CREATE ROLE qline_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS app;--> statement-breakpoint
REVOKE ALL ON SCHEMA app FROM PUBLIC;--> statement-breakpoint
GRANT USAGE ON SCHEMA app TO qline_app;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO qline_app;--> statement-breakpoint
-- Policy helpers reference tables created by the next migration.
SET check_function_bodies = off;--> statement-breakpoint
-- The scope set by withTenantTx (transaction-local). A missing or empty value is NULL and matches nothing.
CREATE OR REPLACE FUNCTION app.current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;--> statement-breakpoint
-- Ancestors of the tenant in scope (itself included), for breadcrumbs and inherited settings.
CREATE OR REPLACE FUNCTION app.scope_ancestors() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT path FROM tenants WHERE id = app.current_tenant_id() $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.scope_account_id() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT account_id FROM tenants WHERE id = app.current_tenant_id() $$;--> statement-breakpoint
-- Accounts in which the signed-in user holds any membership.
CREATE OR REPLACE FUNCTION app.user_account_ids() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT t.account_id), '{}')
    FROM memberships m JOIN tenants t ON t.id = m.tenant_id
    WHERE m.user_id = app.current_user_id()
  $$;--> statement-breakpoint
-- Tenants where the signed-in user holds a membership directly.
CREATE OR REPLACE FUNCTION app.user_tenant_ids() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT coalesce(array_agg(m.tenant_id), '{}') FROM memberships m WHERE m.user_id = app.current_user_id() $$;--> statement-breakpoint
RESET check_function_bodies;
