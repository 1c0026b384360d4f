-- What a conversation (a Slack or Discord thread, a DM, a console chat) remembers of its last
-- answered questions, so a follow-up ("and in India?") is understood with the earlier subject.
-- Only the topic words of a question and the passage that answered it, never the message; rows
-- expire (expires_at) and forget-me deletes the member's. Same rules as V1.
CREATE TABLE conversation_turns (
    conversation_key VARCHAR(300) NOT NULL,
    turn_at          BIGINT       NOT NULL,
    platform         VARCHAR(32)  NOT NULL,
    workspace        VARCHAR(128) NOT NULL,
    user_id          VARCHAR(128) NOT NULL,
    topic            VARCHAR(300) NOT NULL,
    passage_id       VARCHAR(300) NOT NULL,
    expires_at       BIGINT       NOT NULL
);
CREATE INDEX conversation_turns_key ON conversation_turns (conversation_key, turn_at);
CREATE INDEX conversation_turns_expires_at ON conversation_turns (expires_at);
CREATE INDEX conversation_turns_member ON conversation_turns (platform, workspace, user_id);
