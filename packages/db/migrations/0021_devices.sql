CREATE TABLE "devices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"line_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"message" text,
	"api_key_id" uuid,
	"pairing_token_hash" text,
	"pairing_expires_at" timestamp with time zone,
	"pairing_used_at" timestamp with time zone,
	"paired_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "devices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "devices_kind_check" CHECK (kind in ('KIOSK', 'DISPLAY'))
);
--> statement-breakpoint
ALTER TABLE "devices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_tenant_id_api_key_id_api_keys_tenant_id_id_fk" FOREIGN KEY ("tenant_id","api_key_id") REFERENCES "public"."api_keys"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_pairing_token_key" ON "devices" USING btree ("pairing_token_hash");--> statement-breakpoint
CREATE INDEX "devices_tenant_api_key_idx" ON "devices" USING btree ("tenant_id","api_key_id");--> statement-breakpoint
CREATE POLICY "devices_tenant" ON "devices" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));