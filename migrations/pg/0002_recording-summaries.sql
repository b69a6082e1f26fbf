CREATE TABLE "recording_summaries" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"session_id" text NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recording_summaries" ADD CONSTRAINT "recording_summaries_session_id_interview_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recording_summaries_owner_created_idx" ON "recording_summaries" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "recording_summaries_session_idx" ON "recording_summaries" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "recording_summaries_expires_idx" ON "recording_summaries" USING btree ("expires_at");