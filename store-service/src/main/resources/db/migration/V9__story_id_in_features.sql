-- Each feature row carries its article's story, so that loading a batch's story candidates reads the compact
-- feature rows alone instead of also fetching every candidate's row of the wide articles table. Both are
-- written in the same transaction (the story is assigned when the article is written).
ALTER TABLE article_story_features ADD COLUMN story_id text;
UPDATE article_story_features f SET story_id = a.story_id FROM articles a WHERE a.id = f.article_id;
