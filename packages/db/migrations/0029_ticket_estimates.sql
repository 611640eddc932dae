CREATE TABLE "ticket_estimates" (
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"p50_seconds" integer NOT NULL,
	"p90_seconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_estimates_tenant_id_ticket_id_pk" PRIMARY KEY("tenant_id","ticket_id")
);
--> statement-breakpoint
ALTER TABLE "ticket_estimates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ticket_estimates" ADD CONSTRAINT "ticket_estimates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_estimates" ADD CONSTRAINT "ticket_estimates_ticket_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."tickets"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "ticket_estimates_tenant" ON "ticket_estimates" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
-- The issue-time estimates move off the ticket row (a refresh writing them locked the row callNext takes in queue
-- order). The owner copies them with RLS lifted on tickets for this statement only.
ALTER TABLE "tickets" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO "ticket_estimates" ("tenant_id", "ticket_id", "p50_seconds", "p90_seconds", "created_at")
  SELECT "tenant_id", "id", "issued_p50_seconds", coalesce("issued_p90_seconds", "issued_p50_seconds"), "joined_at" FROM "tickets"
  WHERE "issued_p50_seconds" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "issued_p50_seconds";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "issued_p90_seconds";
