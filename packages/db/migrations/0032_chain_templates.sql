ALTER TABLE "tickets" DROP CONSTRAINT "tickets_ticket_type_fk";
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "line_preset" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "hidden_ticket_type_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_extension_schemas" ADD COLUMN "inherit" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_ticket_type_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "ticket_types_inherited" ON "ticket_types" AS PERMISSIVE FOR SELECT TO "qline_app" USING (tenant_id = any((select app.scope_ancestors())::uuid[]));--> statement-breakpoint
CREATE POLICY "ticket_extension_schemas_inherited" ON "ticket_extension_schemas" AS PERMISSIVE FOR SELECT TO "qline_app" USING (tenant_id = any((select app.scope_ancestors())::uuid[]));--> statement-breakpoint
-- Chain templates: the app role writes a tenant's line preset and hidden inherited ticket types.
GRANT UPDATE (line_preset, hidden_ticket_type_ids) ON tenants TO qline_app;
