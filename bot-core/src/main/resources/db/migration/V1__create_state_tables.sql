-- The state schema of mentor-bot (package dev.mentorbot.state).
-- It runs unchanged on SQLite and PostgreSQL, so it keeps to what both accept:
-- booleans are SMALLINT 0/1, times are BIGINT milliseconds since the epoch (UTC),
-- ids are text, and no type or default is specific to one of them.
-- Column sizes match the checks in dev.mentorbot.state.Checks (SQLite does not enforce them).

-- Which checklist items each member has ticked. Only touched items have a row.
CREATE TABLE checklist_progress (
    platform     VARCHAR(32)  NOT NULL,
    workspace    VARCHAR(128) NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    checklist_id VARCHAR(200) NOT NULL,
    item_id      VARCHAR(200) NOT NULL,
    done         SMALLINT     NOT NULL CHECK (done IN (0, 1)),
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (platform, workspace, user_id, checklist_id, item_id)
);

-- One vote per member and answer (question hash + source); voting again replaces it.
-- question_text is NULL when question logging is hashed or off.
CREATE TABLE answer_feedback (
    platform      VARCHAR(32)  NOT NULL,
    workspace     VARCHAR(128) NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    question_hash VARCHAR(128) NOT NULL,
    source_id     VARCHAR(300) NOT NULL,
    section       VARCHAR(300),
    question_text TEXT,
    helpful       SMALLINT     NOT NULL CHECK (helpful IN (0, 1)),
    voted_at      BIGINT       NOT NULL,
    PRIMARY KEY (platform, workspace, user_id, question_hash, source_id)
);
CREATE INDEX answer_feedback_source ON answer_feedback (source_id);
CREATE INDEX answer_feedback_voted_at ON answer_feedback (voted_at);

-- What was asked, and how well it was answered. No member id on purpose.
CREATE TABLE question_log (
    id            VARCHAR(36)      NOT NULL PRIMARY KEY,
    question_hash VARCHAR(128)     NOT NULL,
    question_text TEXT,
    answered      SMALLINT         NOT NULL CHECK (answered IN (0, 1)),
    top_source_id VARCHAR(300),
    score         DOUBLE PRECISION NOT NULL,
    platform      VARCHAR(32)      NOT NULL,
    asked_at      BIGINT           NOT NULL
);
CREATE INDEX question_log_asked_at ON question_log (asked_at);
CREATE INDEX question_log_hash ON question_log (question_hash);
CREATE INDEX question_log_top_source ON question_log (top_source_id);

-- Platform events already handled, kept until expires_at to swallow retries.
CREATE TABLE processed_events (
    event_key  VARCHAR(300) NOT NULL PRIMARY KEY,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX processed_events_expires_at ON processed_events (expires_at);
