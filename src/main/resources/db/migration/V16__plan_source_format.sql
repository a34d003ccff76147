-- design §3: a plan may be sent as a Word file, a PDF or a web page; its stored text is the text derived from it, and
-- the format it came in is kept beside it. Plans stored before were all text.
ALTER TABLE plan ADD COLUMN source_format VARCHAR(10) DEFAULT 'TEXT' NOT NULL;
