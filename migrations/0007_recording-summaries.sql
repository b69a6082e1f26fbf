CREATE TABLE `recording_summaries` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`session_id` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `interview_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recording_summaries_owner_created_idx` ON `recording_summaries` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `recording_summaries_session_idx` ON `recording_summaries` (`session_id`);--> statement-breakpoint
CREATE INDEX `recording_summaries_expires_idx` ON `recording_summaries` (`expires_at`);