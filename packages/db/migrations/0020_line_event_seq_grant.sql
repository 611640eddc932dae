-- The app numbers a line's events in the transaction that makes them (apps/api/src/modules/tickets/live/sequence.ts).
GRANT UPDATE (event_seq) ON lines TO qline_app;
