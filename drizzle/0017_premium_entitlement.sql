ALTER TABLE "users" ADD COLUMN "premium_source" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "premium_until" timestamp with time zone;