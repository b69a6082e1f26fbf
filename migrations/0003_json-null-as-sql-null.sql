-- Custom SQL migration file, put your code below! --
-- Data fix (issue 17): nullable JSON columns written through prepared statements held the
-- text 'null' instead of SQL NULL (src/db/schema.ts, jsonText). Reads were unaffected; this
-- makes `IS NULL` true for them again. No schema change.
UPDATE `messages` SET `evaluation` = NULL WHERE `evaluation` = 'null';--> statement-breakpoint
UPDATE `messages` SET `speech_metrics` = NULL WHERE `speech_metrics` = 'null';--> statement-breakpoint
UPDATE `messages` SET `key_points` = NULL WHERE `key_points` = 'null';--> statement-breakpoint
UPDATE `messages` SET `coverage` = NULL WHERE `coverage` = 'null';--> statement-breakpoint
UPDATE `messages` SET `decision` = NULL WHERE `decision` = 'null';--> statement-breakpoint
UPDATE `interview_sessions` SET `focus_competencies` = NULL WHERE `focus_competencies` = 'null';--> statement-breakpoint
UPDATE `feedback` SET `requirements` = NULL WHERE `requirements` = 'null';--> statement-breakpoint
UPDATE `question_retries` SET `coverage` = NULL WHERE `coverage` = 'null';
