-- FCM tokens are encrypted at rest: rows are found by the token's SHA-256 (base64url) instead.
-- Tokens stored before stay readable in the clear until the key rotation seals them.
DROP INDEX "push_devices_token_idx";--> statement-breakpoint
ALTER TABLE "push_devices" ADD COLUMN "token_hash" text;--> statement-breakpoint
UPDATE "push_devices" SET "token_hash" = rtrim(translate(encode(sha256(convert_to("token", 'UTF8')), 'base64'), '+/', '-_'), '=');--> statement-breakpoint
ALTER TABLE "push_devices" ALTER COLUMN "token_hash" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "push_devices_token_hash_idx" ON "push_devices" USING btree ("token_hash");
