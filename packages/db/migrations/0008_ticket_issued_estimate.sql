ALTER TABLE "tickets" ADD COLUMN "issued_p50_seconds" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "issued_p90_seconds" integer;--> statement-breakpoint
CREATE INDEX "tickets_tenant_created_idx" ON "tickets" USING btree ("tenant_id","created_at");