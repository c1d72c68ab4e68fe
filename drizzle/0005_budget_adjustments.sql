CREATE TABLE "budget_adjustments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"month" char(7) NOT NULL,
	"from_category_id" text NOT NULL,
	"from_on" date NOT NULL,
	"to_category_id" text NOT NULL,
	"to_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "budget_adjustments" ADD CONSTRAINT "budget_adjustments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_adjustments_user_month_idx" ON "budget_adjustments" USING btree ("user_id","month");