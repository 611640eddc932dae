-- The app role records the estimate a ticket was given at issue (after the issue commits, in the same request).
GRANT UPDATE (issued_p50_seconds, issued_p90_seconds) ON tickets TO qline_app;
