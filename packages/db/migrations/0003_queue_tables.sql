CREATE TABLE "ticket_types" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"default_service_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_types_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "ticket_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"allowed_ticket_type_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"accepting_tickets" boolean DEFAULT true NOT NULL,
	"capacity" integer,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"opening_hours" jsonb,
	"show_estimates" boolean DEFAULT true NOT NULL,
	"estimator" text,
	"estimator_options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ttl" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "counters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_open" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "line_day_counters" (
	"tenant_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"service_day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "line_day_counters_tenant_id_line_id_service_day_pk" PRIMARY KEY("tenant_id","line_id","service_day")
);
--> statement-breakpoint
ALTER TABLE "line_day_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ticket_extension_schemas" (
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"schema" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_extension_schemas_tenant_id_version_pk" PRIMARY KEY("tenant_id","version")
);
--> statement-breakpoint
ALTER TABLE "ticket_extension_schemas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"counter_id" uuid,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "ticket_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tickets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"ticket_type_id" uuid,
	"counter_id" uuid,
	"service_day" date NOT NULL,
	"seq" integer NOT NULL,
	"issued_line_id" uuid NOT NULL,
	"number" text NOT NULL,
	"tracking_code" text NOT NULL,
	"status" text DEFAULT 'WAITING' NOT NULL,
	"sort_key" numeric NOT NULL,
	"customer_name" text,
	"phone" text,
	"party_size" integer DEFAULT 1 NOT NULL,
	"extensions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"extension_schema_version" integer,
	"idempotency_key" text,
	"idempotency_hash" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"called_at" timestamp with time zone,
	"served_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tickets_status_check" CHECK (status in ('WAITING', 'CALLED', 'SERVING', 'SERVED', 'CANCELLED', 'NO_SHOW', 'EXPIRED')),
	CONSTRAINT "tickets_party_size_check" CHECK (party_size between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "tickets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lines" ADD CONSTRAINT "lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_line_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "public"."lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_day_counters" ADD CONSTRAINT "line_day_counters_line_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "public"."lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_extension_schemas" ADD CONSTRAINT "ticket_extension_schemas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_line_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "public"."lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_issued_line_fk" FOREIGN KEY ("tenant_id","issued_line_id") REFERENCES "public"."lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_ticket_type_fk" FOREIGN KEY ("tenant_id","ticket_type_id") REFERENCES "public"."ticket_types"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_counter_fk" FOREIGN KEY ("tenant_id","counter_id") REFERENCES "public"."counters"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_types_tenant_code_key" ON "ticket_types" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "counters_tenant_line_idx" ON "counters" USING btree ("tenant_id","line_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("tenant_id","ticket_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_number_key" ON "tickets" USING btree ("tenant_id","issued_line_id","service_day","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_tracking_code_key" ON "tickets" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_idempotency_key" ON "tickets" USING btree ("tenant_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "tickets_waiting_idx" ON "tickets" USING btree ("tenant_id","line_id","sort_key","joined_at","id") WHERE status = 'WAITING';--> statement-breakpoint
CREATE INDEX "tickets_line_created_idx" ON "tickets" USING btree ("tenant_id","line_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_extensions_gin" ON "tickets" USING gin ("extensions");--> statement-breakpoint
CREATE POLICY "ticket_types_tenant" ON "ticket_types" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "lines_tenant" ON "lines" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "counters_tenant" ON "counters" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "line_day_counters_tenant" ON "line_day_counters" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "ticket_extension_schemas_read" ON "ticket_extension_schemas" AS PERMISSIVE FOR SELECT TO "qline_app" USING (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "ticket_extension_schemas_append" ON "ticket_extension_schemas" AS PERMISSIVE FOR INSERT TO "qline_app" WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "ticket_events_read" ON "ticket_events" AS PERMISSIVE FOR SELECT TO "qline_app" USING (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "ticket_events_append" ON "ticket_events" AS PERMISSIVE FOR INSERT TO "qline_app" WITH CHECK (tenant_id = (select app.current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tickets_tenant" ON "tickets" AS PERMISSIVE FOR ALL TO "qline_app" USING (tenant_id = (select app.current_tenant_id())) WITH CHECK (tenant_id = (select app.current_tenant_id()));