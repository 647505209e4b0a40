-- A query in every language the store indexes, OR-ed: articles are stemmed in their own language, and
-- the query text's language is unknown. Immutable, so a constant argument is folded once and the GIN
-- index on articles.search serves it.
CREATE FUNCTION news_tsquery(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT websearch_to_tsquery('simple', q) || websearch_to_tsquery('english', q) || websearch_to_tsquery('german', q)
        || websearch_to_tsquery('french', q) || websearch_to_tsquery('spanish', q) || websearch_to_tsquery('italian', q)
        || websearch_to_tsquery('portuguese', q) || websearch_to_tsquery('dutch', q) || websearch_to_tsquery('swedish', q)
        || websearch_to_tsquery('norwegian', q) || websearch_to_tsquery('danish', q) || websearch_to_tsquery('finnish', q)
        || websearch_to_tsquery('russian', q)
$$;
