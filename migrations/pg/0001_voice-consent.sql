ALTER TABLE "interview_sessions" ADD COLUMN "voice_consent_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "interview_sessions" ADD COLUMN "voice_consent_raw_audio" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "interview_sessions" ADD COLUMN "voice_consent_transcriber" text;--> statement-breakpoint
ALTER TABLE "interview_sessions" ADD COLUMN "voice_consent_withdrawn_at" timestamp (3) with time zone;