-- Table owners skip RLS unless it is forced; force it on every table so no path but a SECURITY DEFINER
-- function below (each a named, narrow door) can read across tenants.
ALTER TABLE users FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Grants list their columns: ids, ownership, tenancy and suspension are never updated by the app role.
GRANT SELECT, INSERT ON users TO qline_app;--> statement-breakpoint
GRANT UPDATE (name, password_hash) ON users TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON accounts TO qline_app;--> statement-breakpoint
GRANT UPDATE (name) ON accounts TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON tenants TO qline_app;--> statement-breakpoint
GRANT UPDATE (parent_id, path, depth, slug, name, location, settings, theme, updated_at) ON tenants TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON memberships TO qline_app;--> statement-breakpoint
GRANT UPDATE (role) ON memberships TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON api_keys TO qline_app;--> statement-breakpoint
GRANT UPDATE (name, revoked_at) ON api_keys TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO qline_app;--> statement-breakpoint
-- Doors used before any tenant is in scope. Each returns only what its caller needs.
CREATE OR REPLACE FUNCTION app.login_lookup(p_email text) RETURNS TABLE (id uuid, password_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.id, u.password_hash FROM users u WHERE u.email = lower(p_email) $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.user_id_by_email(p_email text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.id FROM users u WHERE u.email = lower(p_email) $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.api_key_lookup(p_prefix text)
  RETURNS TABLE (tenant_id uuid, id uuid, secret_hash text, scopes text[], revoked boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT k.tenant_id, k.id, k.secret_hash, k.scopes, k.revoked_at IS NOT NULL FROM api_keys k WHERE k.prefix = p_prefix $$;--> statement-breakpoint
-- Records use at most once a minute per key, so authentication does not write on every request.
CREATE OR REPLACE FUNCTION app.touch_api_key(p_tenant uuid, p_id uuid) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE api_keys SET last_used_at = now()
    WHERE tenant_id = p_tenant AND id = p_id
      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
  $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.tenant_id_by_slug(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.id FROM tenants t WHERE t.slug = p_slug $$;--> statement-breakpoint
-- Which tenant owns an API key (revokeApiKey takes only the key's id); the caller still needs access to it.
CREATE OR REPLACE FUNCTION app.api_key_tenant(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT k.tenant_id FROM api_keys k WHERE k.id = p_id $$;--> statement-breakpoint
-- Platform administration (who is a platform admin is the API's configuration).
CREATE OR REPLACE FUNCTION app.platform_accounts()
  RETURNS TABLE (id uuid, name text, owner_user_id uuid, created_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT a.id, a.name, a.owner_user_id, a.created_at FROM accounts a ORDER BY a.created_at, a.id $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.platform_set_tenant_suspended(p_tenant uuid, p_suspended boolean) RETURNS uuid
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE tenants SET suspended_at = CASE WHEN p_suspended THEN coalesce(suspended_at, now()) END, updated_at = now()
    WHERE id = p_tenant RETURNING id
  $$;--> statement-breakpoint
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO qline_app;
