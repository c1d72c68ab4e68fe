ALTER TABLE "transactions" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "original_amount_minor" bigint;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "original_currency" char(3);--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "fx_rate" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "fx_rate_on" date;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "fx_rate_source" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "split_id" uuid;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "member_id" uuid;--> statement-breakpoint
CREATE INDEX "transactions_user_account_idx" ON "transactions" USING btree ("user_id","account_id","booked_on");--> statement-breakpoint
CREATE INDEX "transactions_split_idx" ON "transactions" USING btree ("split_id") WHERE "transactions"."split_id" is not null;--> statement-breakpoint
CREATE INDEX "transactions_tags_idx" ON "transactions" USING gin ("tags");