CREATE TABLE "ticket_deadlines" (
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"action" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	CONSTRAINT "ticket_deadlines_tenant_id_ticket_id_action_pk" PRIMARY KEY("tenant_id","ticket_id","action")
);
--> statement-breakpoint
ALTER TABLE "ticket_deadlines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ticket_types" ADD COLUMN "ttl" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "lines" ADD COLUMN "estimator_secret" text;--> statement-breakpoint
ALTER TABLE "ticket_deadlines" ADD CONSTRAINT "ticket_deadlines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_deadlines" ADD CONSTRAINT "ticket_deadlines_ticket_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."tickets"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_deadlines_due_idx" ON "ticket_deadlines" USING btree ("due_at");--> statement-breakpoint
CREATE POLICY "ticket_deadlines_tenant" ON "ticket_deadlines" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));