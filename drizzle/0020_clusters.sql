CREATE TABLE "spending_clusters" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"ledger_revision" text NOT NULL,
	"method_version" integer NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spending_clusters" ADD CONSTRAINT "spending_clusters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;