-- Pending sign-ups: force RLS; the app role only inserts; confirming spends a request through one door.
ALTER TABLE signup_requests FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT INSERT ON signup_requests TO qline_app;--> statement-breakpoint
-- Spends the live request a confirmation link names (unused, unexpired) and returns what creating the account
-- needs. Called inside the transaction that creates the account: if that fails, the request stays unspent.
CREATE OR REPLACE FUNCTION app.claim_signup_request(p_token_hash text)
  RETURNS TABLE (email text, name text, password_hash text, account_name text, tenant_name text, tenant_slug text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  UPDATE signup_requests r SET used_at = now()
  WHERE r.id = (SELECT s.id FROM signup_requests s WHERE s.token_hash = p_token_hash AND s.used_at IS NULL AND s.expires_at > now() LIMIT 1 FOR UPDATE)
  RETURNING r.email, r.name, r.password_hash, r.account_name, r.tenant_name, r.tenant_slug
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.claim_signup_request(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.claim_signup_request(text) TO qline_app;
