-- The refresh of a line records issue-time estimates here (apps/api/src/modules/tickets/live/line-state.ts);
-- analytics and messages read them. Written once per ticket (ON CONFLICT DO NOTHING), never updated.
ALTER TABLE ticket_estimates FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON ticket_estimates TO qline_app;
