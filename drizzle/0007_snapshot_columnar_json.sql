-- Snapshots are derived data in a new (columnar) format: drop the old ones, reads recompute them.
DELETE FROM "budget_month_snapshots";--> statement-breakpoint
ALTER TABLE "budget_month_snapshots" ALTER COLUMN "snapshot" SET DATA TYPE json;
