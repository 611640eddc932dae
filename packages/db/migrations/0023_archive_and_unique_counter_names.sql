ALTER TABLE "ticket_types" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lines" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "counters" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_types_id_key" ON "ticket_types" USING btree ("id");--> statement-breakpoint
-- Existing data: counters of one line that share a name (case-insensitive) are renamed before the unique index
-- exists — the oldest keeps its name, the others get " (2)", " (3)", ... (skipping names already taken), so
-- the migration never fails on a live database and no counter (or its history) is lost.
DO $$
DECLARE
  r record;
  n integer;
  candidate text;
BEGIN
  FOR r IN
    SELECT tenant_id, id, line_id, name, rn FROM (
      SELECT c.tenant_id, c.id, c.line_id, c.name,
             row_number() OVER (PARTITION BY c.tenant_id, c.line_id, lower(c.name) ORDER BY c.created_at, c.id) AS rn
      FROM counters c
    ) d WHERE d.rn > 1 ORDER BY tenant_id, line_id, rn
  LOOP
    n := r.rn;
    LOOP
      candidate := r.name || ' (' || n || ')';
      EXIT WHEN NOT EXISTS (
        SELECT 1 FROM counters c WHERE c.tenant_id = r.tenant_id AND c.line_id = r.line_id AND lower(c.name) = lower(candidate));
      n := n + 1;
    END LOOP;
    UPDATE counters SET name = candidate WHERE tenant_id = r.tenant_id AND id = r.id;
  END LOOP;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "counters_line_name_key" ON "counters" USING btree ("tenant_id","line_id",lower("name")) WHERE archived_at is null;