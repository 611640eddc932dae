-- Sessions follow the rules of every table: RLS forced, grants by column. The app role opens sessions and
-- revokes them; it never changes who owns one or when it expires.
-- No lookup door is needed: authentication verifies the token's signature first, then reads the session
-- with the token's subject as the transaction's user scope (app.current_user_id()), which the policy matches.
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON sessions TO qline_app;--> statement-breakpoint
GRANT UPDATE (revoked_at) ON sessions TO qline_app;
