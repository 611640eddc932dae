-- Invitations, password resets and the platform outbox: force RLS, grants by column, and their narrow doors.
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE platform_mail FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- An invitation's tenant, address and role never change; a resend replaces its token and expiry, acceptance and
-- revocation close it.
GRANT SELECT, INSERT ON invitations TO qline_app;--> statement-breakpoint
GRANT UPDATE (token_hash, sent_at, expires_at, accepted_at, accepted_by_user_id, revoked_at) ON invitations TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT ON password_resets TO qline_app;--> statement-breakpoint
GRANT UPDATE (used_at) ON password_resets TO qline_app;--> statement-breakpoint
-- The app role only queues platform mail; reading and settling it is the worker's doors' business.
GRANT INSERT ON platform_mail TO qline_app;--> statement-breakpoint
-- The invitee's link knows only its token: which tenant's invitation is it? Returns the tenant and id only; the
-- invitation is then read in that tenant's transaction.
CREATE OR REPLACE FUNCTION app.invitation_by_token(p_token_hash text) RETURNS TABLE (tenant_id uuid, id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT i.tenant_id, i.id FROM invitations i WHERE i.token_hash = p_token_hash LIMIT 1 $$;--> statement-breakpoint
-- The reset page knows only its token: whose reset is it? The row is then used with its user as the scope.
CREATE OR REPLACE FUNCTION app.password_reset_by_token(p_token_hash text) RETURNS TABLE (id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT r.id, r.user_id FROM password_resets r WHERE r.token_hash = p_token_hash LIMIT 1 $$;--> statement-breakpoint
-- The platform mail worker's claim: up to p_limit due mails (PENDING/RETRYING whose time has come, or SENDING whose
-- lease ran out), marked SENDING with one more attempt and a lease; SKIP LOCKED lets other processes take others.
-- Returns what the sender needs; the mail's id is its idempotency key (Message-ID) on every attempt.
CREATE OR REPLACE FUNCTION app.claim_platform_mail(p_now timestamptz, p_limit integer, p_lease_seconds integer)
  RETURNS TABLE (id uuid, kind text, to_address text, subject text, body text, attempts integer)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  WITH due AS (
    SELECT m.id FROM platform_mail m
    WHERE m.status IN ('PENDING', 'RETRYING', 'SENDING') AND m.next_attempt_at <= p_now
      AND (m.lease_until IS NULL OR m.lease_until <= p_now)
    ORDER BY m.next_attempt_at
    LIMIT least(greatest(p_limit, 1), 100)
    FOR UPDATE SKIP LOCKED
  )
  UPDATE platform_mail m
  SET status = 'SENDING', attempts = m.attempts + 1, lease_until = p_now + make_interval(secs => p_lease_seconds)
  FROM due WHERE m.id = due.id
  RETURNING m.id, m.kind, m.to_address, m.subject, m.body, m.attempts
  $$;--> statement-breakpoint
-- Settles one attempt: only the attempt that claimed the mail (status SENDING, same attempt number) may. SENT and
-- DEAD erase the body (it carries a one-time link); RETRYING makes it due again at p_next_attempt_at.
CREATE OR REPLACE FUNCTION app.settle_platform_mail(p_id uuid, p_attempt integer, p_status text, p_error text, p_next_attempt_at timestamptz)
  RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  WITH settled AS (
    UPDATE platform_mail m
    SET status = p_status,
        last_error = p_error,
        lease_until = NULL,
        next_attempt_at = coalesce(p_next_attempt_at, m.next_attempt_at),
        sent_at = CASE WHEN p_status = 'SENT' THEN now() ELSE m.sent_at END,
        body = CASE WHEN p_status IN ('SENT', 'DEAD') THEN NULL ELSE m.body END
    WHERE m.id = p_id AND m.status = 'SENDING' AND m.attempts = p_attempt AND p_status IN ('SENT', 'RETRYING', 'DEAD')
    RETURNING 1
  )
  SELECT exists (SELECT 1 FROM settled)
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.invitation_by_token(text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.password_reset_by_token(text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.claim_platform_mail(timestamptz, integer, integer) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.settle_platform_mail(uuid, integer, text, text, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.invitation_by_token(text) TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.password_reset_by_token(text) TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.claim_platform_mail(timestamptz, integer, integer) TO qline_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.settle_platform_mail(uuid, integer, text, text, timestamptz) TO qline_app;
