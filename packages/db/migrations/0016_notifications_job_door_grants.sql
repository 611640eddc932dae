-- Notifications: force RLS, grants by column, and the one cross-tenant door the delivery worker uses.
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE notification_templates FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenant_secrets FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The outbox: written with the ticket change, then only its delivery state (and erasure of personal fields) changes.
GRANT SELECT, INSERT ON notifications TO qline_app;--> statement-breakpoint
GRANT UPDATE (status, provider, recipient, subject, body, attempts, next_attempt_at, lease_until, last_error, provider_message_id, sent_at, updated_at) ON notifications TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON notification_templates TO qline_app;--> statement-breakpoint
GRANT UPDATE (subject, body, updated_at) ON notification_templates TO qline_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON tenant_secrets TO qline_app;--> statement-breakpoint
GRANT UPDATE (ciphertext, updated_at) ON tenant_secrets TO qline_app;--> statement-breakpoint
GRANT UPDATE (notification_settings) ON lines TO qline_app;--> statement-breakpoint
-- The customer's channel choice, push subscription and language (subscribeTicketPush, staff edits, erasure).
GRANT UPDATE (notify_channels, push_subscription, language) ON tickets TO qline_app;--> statement-breakpoint
GRANT UPDATE (escalation_emails) ON memberships TO qline_app;--> statement-breakpoint
-- The worker's door: claims up to p_limit due messages across tenants with a lease (SKIP LOCKED: concurrent
-- claimers on other API processes take other rows) and returns only (tenant, id). Due = PENDING/RETRYING whose
-- time has come, or SENDING whose lease ran out (its deliverer died mid-delivery; the retry reuses the row's id as
-- the idempotency key). A message waits while an earlier message (seq) of the same ticket, channel and recipient
-- is still open, so one ticket's messages arrive in order. Rendering, SENDING and settling then happen in the
-- tenant's own transaction through withTenantTx.
CREATE OR REPLACE FUNCTION app.claim_due_notifications(p_now timestamptz, p_limit integer, p_lease_seconds integer)
  RETURNS TABLE (tenant_id uuid, id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  WITH due AS (
    SELECT n.tenant_id, n.id FROM notifications n
    WHERE n.status IN ('PENDING', 'RETRYING', 'SENDING')
      AND n.next_attempt_at <= p_now
      AND (n.lease_until IS NULL OR n.lease_until <= p_now)
      AND NOT EXISTS (
        SELECT 1 FROM notifications e
        WHERE e.tenant_id = n.tenant_id AND e.ticket_id = n.ticket_id AND e.channel = n.channel
          AND e.recipient_user_id IS NOT DISTINCT FROM n.recipient_user_id
          AND e.seq < n.seq AND e.status IN ('PENDING', 'RETRYING', 'SENDING')
      )
    ORDER BY n.next_attempt_at, n.seq
    LIMIT least(greatest(p_limit, 1), 500)
    FOR UPDATE SKIP LOCKED
  )
  UPDATE notifications n SET lease_until = p_now + make_interval(secs => greatest(p_lease_seconds, 1))
  FROM due
  WHERE n.tenant_id = due.tenant_id AND n.id = due.id
  RETURNING n.tenant_id, n.id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.claim_due_notifications(timestamptz, integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.claim_due_notifications(timestamptz, integer, integer) TO qline_app;
