ALTER TABLE `interview_sessions` ADD `voice_consent_at` integer;--> statement-breakpoint
ALTER TABLE `interview_sessions` ADD `voice_consent_raw_audio` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `interview_sessions` ADD `voice_consent_transcriber` text;--> statement-breakpoint
ALTER TABLE `interview_sessions` ADD `voice_consent_withdrawn_at` integer;