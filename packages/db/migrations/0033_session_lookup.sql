-- Authentication of a Bearer token in one statement, outside any transaction and scope: the session the token
-- names (its id and user come from the verified token) and whether it is live, with the user's email. Nothing is
-- cached: a logout, logoutEverywhere or password change is seen by the very next request.
CREATE OR REPLACE FUNCTION app.session_lookup(p_session uuid, p_user uuid) RETURNS TABLE (email text, live boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT u.email, (s.revoked_at IS NULL AND s.expires_at > now())
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = p_session AND s.user_id = p_user
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.session_lookup(uuid, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.session_lookup(uuid, uuid) TO qline_app;
