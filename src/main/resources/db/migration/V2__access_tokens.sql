-- Access tokens: only a SHA-256 hash of each secret is stored; the secret is shown once, at creation.
CREATE SEQUENCE access_token_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE access_token (
    id            BIGINT        NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    role          VARCHAR(10)   NOT NULL,
    org_unit_id   BIGINT        NOT NULL REFERENCES org_unit (id),
    token_hash    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(200)  NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_access_token_name UNIQUE (name),
    CONSTRAINT uk_access_token_hash UNIQUE (token_hash)
);
