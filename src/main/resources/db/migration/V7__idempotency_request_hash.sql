-- What the first request with an Idempotency-Key sent (a hash of its content type, options and body): a repeat of the
-- key with another request is refused (422 idempotency_key_reused), not answered with the first summary. Keys stored
-- before this column existed have none and match any repeat.
ALTER TABLE idempotency_key ADD COLUMN request_hash VARCHAR(64);
