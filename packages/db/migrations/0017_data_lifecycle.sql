ALTER TABLE "tenants" ADD COLUMN "deletion_scheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "personal_data_erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tenants_deletion_idx" ON "tenants" USING btree ("deletion_scheduled_at") WHERE deletion_scheduled_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_erasable_idx" ON "tickets" USING btree ("tenant_id",coalesce(completed_at, ended_at)) WHERE personal_data_erased_at is null and status in ('SERVED', 'NO_SHOW', 'CANCELLED', 'EXPIRED');