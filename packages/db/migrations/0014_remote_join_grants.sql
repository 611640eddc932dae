-- The app role edits a line's remote-join switch, a ticket's email (staff edits) and records "running late".
-- Channel is set at issue only (INSERT), never updated.
GRANT UPDATE (remote_join) ON lines TO qline_app;--> statement-breakpoint
GRANT UPDATE (email, ran_late_at) ON tickets TO qline_app;
