ALTER TABLE "budget_month_snapshots" ADD COLUMN "plan_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_plans" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;