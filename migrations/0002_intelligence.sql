CREATE TABLE `question_retries` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`question_number` integer NOT NULL,
	`answer` text NOT NULL,
	`evaluation` text NOT NULL,
	`coverage` text,
	`provider` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `interview_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_retries_session_question_idx` ON `question_retries` (`session_id`,`question_number`,`created_at`);--> statement-breakpoint
ALTER TABLE `feedback` ADD `requirements` text;--> statement-breakpoint
ALTER TABLE `interview_sessions` ADD `difficulty` text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE `interview_sessions` ADD `focus_competencies` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `difficulty` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `competency` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `bank_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `key_points` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `coverage` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `decision` text;