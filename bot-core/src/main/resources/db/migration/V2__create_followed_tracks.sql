-- The roadmap track each member follows (the follow command), read by next and progress.
-- One row per member: following another track replaces it, unfollow deletes it.
-- Same rules as V1: types both SQLite and PostgreSQL accept, times in epoch milliseconds.
CREATE TABLE followed_track (
    platform    VARCHAR(32)  NOT NULL,
    workspace   VARCHAR(128) NOT NULL,
    user_id     VARCHAR(128) NOT NULL,
    roadmap_id  VARCHAR(200) NOT NULL,
    followed_at BIGINT       NOT NULL,
    PRIMARY KEY (platform, workspace, user_id)
);
