-- Weekly check-ins (package dev.mentorbot.checkin): who opted in, and which check-ins were sent.
-- Same rules as V1: types both SQLite and PostgreSQL accept, times in epoch milliseconds.

-- The members who asked for a weekly check-in (checkin on). checkin off and forget-me delete the row.
CREATE TABLE checkin_members (
    platform     VARCHAR(32)  NOT NULL,
    workspace    VARCHAR(128) NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    opted_in_at  BIGINT       NOT NULL,
    PRIMARY KEY (platform, workspace, user_id)
);

-- One row per check-in sent (or being sent): week is the number of whole weeks since the member
-- opted in. The primary key is the claim: of several instances, only the one whose insert
-- succeeds sends, so a member never gets the same week's check-in twice.
CREATE TABLE checkin_sends (
    platform   VARCHAR(32)  NOT NULL,
    workspace  VARCHAR(128) NOT NULL,
    user_id    VARCHAR(128) NOT NULL,
    week       BIGINT       NOT NULL,
    claimed_at BIGINT       NOT NULL,
    PRIMARY KEY (platform, workspace, user_id, week)
);
CREATE INDEX checkin_sends_claimed_at ON checkin_sends (claimed_at);
