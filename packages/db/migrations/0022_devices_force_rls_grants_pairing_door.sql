-- Devices follow the rules of every tenant table: RLS forced, grants by column. The app role names a device,
-- points it at lines, issues and consumes pairing tokens, links its key and revokes it; it never moves a device
-- to another tenant or changes its kind.
ALTER TABLE devices FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON devices TO qline_app;--> statement-breakpoint
GRANT UPDATE (name, line_ids, message, api_key_id, pairing_token_hash, pairing_expires_at, pairing_used_at, paired_at, revoked_at) ON devices TO qline_app;--> statement-breakpoint
-- The public pairing exchange knows only the token: which device (and tenant) its hash belongs to, and whether it
-- can still be used. Returns nothing for an unknown hash.
CREATE OR REPLACE FUNCTION app.device_pairing_lookup(p_hash text)
  RETURNS TABLE (tenant_id uuid, id uuid, expired boolean, used boolean, revoked boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT d.tenant_id, d.id, d.pairing_expires_at <= now(), d.pairing_used_at IS NOT NULL, d.revoked_at IS NOT NULL
    FROM devices d WHERE d.pairing_token_hash = p_hash
  $$;--> statement-breakpoint
-- Which tenant owns a device (revokeDevice / repairDevice take only its id); the caller still needs access to it.
CREATE OR REPLACE FUNCTION app.device_tenant(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT d.tenant_id FROM devices d WHERE d.id = p_id $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.device_pairing_lookup(text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.device_tenant(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.device_pairing_lookup(text) TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.device_tenant(uuid) TO qline_app;
