ALTER TABLE "lines" ADD COLUMN "remote_join" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "channel" text DEFAULT 'API' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "ran_late_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tickets_active_phone_idx" ON "tickets" USING btree ("tenant_id","line_id","phone") WHERE status in ('WAITING', 'CALLED', 'SERVING') and phone is not null;--> statement-breakpoint
CREATE INDEX "tickets_active_email_idx" ON "tickets" USING btree ("tenant_id","line_id",lower(email)) WHERE status in ('WAITING', 'CALLED', 'SERVING') and email is not null;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_channel_check" CHECK (channel in ('KIOSK', 'REMOTE', 'STAFF', 'API'));