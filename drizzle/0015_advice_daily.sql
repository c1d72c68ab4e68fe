CREATE TABLE "advice_daily" (
	"user_id" uuid NOT NULL,
	"on" date NOT NULL,
	"source" text NOT NULL,
	"model" text,
	"fallback_reason" text,
	"advice" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advice_daily_user_id_on_pk" PRIMARY KEY("user_id","on")
);
--> statement-breakpoint
ALTER TABLE "advice_daily" ADD CONSTRAINT "advice_daily_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;