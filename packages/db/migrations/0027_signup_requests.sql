CREATE TABLE "signup_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"account_name" text NOT NULL,
	"tenant_name" text NOT NULL,
	"tenant_slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "signup_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "signup_requests_token_hash_idx" ON "signup_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE POLICY "signup_requests_insert" ON "signup_requests" AS PERMISSIVE FOR INSERT TO "qline_app" WITH CHECK (true);