DROP INDEX "csv_mappings_user_name";--> statement-breakpoint
ALTER TABLE "csv_mappings" ADD COLUMN "change_seq" bigint DEFAULT nextval('change_seq') NOT NULL;--> statement-breakpoint
ALTER TABLE "csv_mappings" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "csv_mappings_user_seq_idx" ON "csv_mappings" USING btree ("user_id","change_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "csv_mappings_user_name" ON "csv_mappings" USING btree ("user_id","name") WHERE "csv_mappings"."deleted_at" is null;