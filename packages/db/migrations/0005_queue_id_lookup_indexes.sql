DROP INDEX "tickets_waiting_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "lines_id_key" ON "lines" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_id_key" ON "counters" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_id_key" ON "tickets" USING btree ("id");--> statement-breakpoint
CREATE INDEX "tickets_waiting_idx" ON "tickets" USING btree ("tenant_id","line_id","sort_key","id") WHERE status = 'WAITING';