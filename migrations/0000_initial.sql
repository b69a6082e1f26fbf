CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`overall_score` integer NOT NULL,
	`summary` text NOT NULL,
	`provider` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `interview_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_session_id_unique` ON `feedback` (`session_id`);--> statement-breakpoint
CREATE TABLE `interview_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`job_title` text NOT NULL,
	`company_name` text NOT NULL,
	`job_description` text DEFAULT '' NOT NULL,
	`job_file_name` text,
	`interview_type` text DEFAULT 'mixed' NOT NULL,
	`cv_text` text,
	`cv_file_name` text,
	`cv_format` text,
	`cv_page_count` integer,
	`cv_word_count` integer,
	`cv_truncated` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`started_at` integer,
	`completed_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interview_sessions_owner_created_idx` ON `interview_sessions` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`role` text NOT NULL,
	`kind` text NOT NULL,
	`question_number` integer NOT NULL,
	`reply_to` text,
	`content` text NOT NULL,
	`question_kind` text,
	`focus` text,
	`provider` text,
	`evaluation` text,
	`speech_metrics` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `interview_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_session_seq_uq` ON `messages` (`session_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_reply_to_uq` ON `messages` (`reply_to`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_session_question_uq` ON `messages` (`session_id`,`question_number`,`kind`) WHERE kind <> 'answer';--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
