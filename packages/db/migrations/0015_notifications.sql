CREATE TABLE "notification_templates" (
	"tenant_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_templates_tenant_id_trigger_channel_language_pk" PRIMARY KEY("tenant_id","trigger","channel","language")
);
--> statement-breakpoint
ALTER TABLE "notification_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "notifications_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" uuid,
	"line_id" uuid,
	"trigger" text NOT NULL,
	"channel" text NOT NULL,
	"provider" text,
	"recipient" text,
	"recipient_user_id" uuid,
	"language" text DEFAULT 'en' NOT NULL,
	"subject" text,
	"body" text,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notifications_trigger_check" CHECK (trigger in ('JOINED', 'ALMOST_THERE', 'CALLED', 'NO_SHOW', 'EXPIRED', 'CANCELLED', 'ESCALATED')),
	CONSTRAINT "notifications_channel_check" CHECK (channel in ('PUSH', 'SMS', 'EMAIL')),
	CONSTRAINT "notifications_provider_check" CHECK (provider is null or provider in ('WEB_PUSH', 'TWILIO', 'WEBHOOK', 'SMTP')),
	CONSTRAINT "notifications_status_check" CHECK (status in ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'DEAD', 'SKIPPED'))
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_secrets" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ciphertext" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_secrets_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind")
);
--> statement-breakpoint
ALTER TABLE "tenant_secrets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "escalation_emails" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lines" ADD COLUMN "notification_settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "notify_channels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "push_subscription" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_ticket_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."tickets"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_secrets" ADD CONSTRAINT "tenant_secrets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_customer_key" ON "notifications" USING btree ("tenant_id","ticket_id","trigger","channel") WHERE recipient_user_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_staff_key" ON "notifications" USING btree ("tenant_id","ticket_id","trigger","recipient_user_id") WHERE recipient_user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_id_key" ON "notifications" USING btree ("id");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE status in ('PENDING', 'RETRYING', 'SENDING');--> statement-breakpoint
CREATE INDEX "notifications_ticket_idx" ON "notifications" USING btree ("tenant_id","ticket_id","seq");--> statement-breakpoint
CREATE INDEX "notifications_tenant_created_idx" ON "notifications" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_notify_channels_check" CHECK (notify_channels <@ array['PUSH', 'SMS', 'EMAIL']::text[]);--> statement-breakpoint
CREATE POLICY "notification_templates_tenant" ON "notification_templates" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "notifications_tenant" ON "notifications" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_secrets_tenant" ON "tenant_secrets" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));