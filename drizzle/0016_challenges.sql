CREATE TABLE "challenge_participations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"challenge_id" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"cap_minor" bigint,
	"currency" char(3),
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "challenge_participations" ADD CONSTRAINT "challenge_participations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_participations_user_idx" ON "challenge_participations" USING btree ("user_id","joined_at");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_participations_open_idx" ON "challenge_participations" USING btree ("user_id","challenge_id") WHERE "challenge_participations"."left_at" is null and "challenge_participations"."completed_at" is null and "challenge_participations"."failed_at" is null;