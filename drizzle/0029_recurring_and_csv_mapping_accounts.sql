ALTER TABLE "csv_mappings" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "recurring_transactions" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "recurring_transactions" ADD COLUMN "member_id" uuid;