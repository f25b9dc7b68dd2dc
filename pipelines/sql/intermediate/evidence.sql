-- Claims by theme: one row per document × mechanism × theme × paragraph × role. The quote is
-- every sentence of those claims in text order; the sentence and the theme source are those of
-- the first claim. Only actor rows count toward coverage (int_mechanism_theme).
with claims as (
    select * from claims
),

by_theme as (
    select
        doc_id, mechanism_id, para_no, role, part, sentence_no, sentence,
        unnest(themes) as theme_id,
        unnest(theme_sources) as theme_source
    from claims
),

by_sentence as (
    -- one row per sentence: several mentions of a body in a sentence make one claim on it
    select
        doc_id, mechanism_id, theme_id, para_no, role, sentence_no,
        any_value(part) as part,
        any_value(sentence) as sentence,
        any_value(theme_source) as theme_source
    from by_theme
    group by doc_id, mechanism_id, theme_id, para_no, role, sentence_no
),

final as (
    select
        doc_id,
        mechanism_id,
        theme_id,
        para_no,
        role,
        any_value(part) as part,
        arg_min(theme_source, sentence_no) as theme_source,
        arg_min(sentence, sentence_no) as sentence,
        -- sentence_no is unique in a group, so sorting (sentence_no, sentence) pairs orders by it;
        -- a list sorted once is much cheaper than string_agg(... order by), an ordered aggregate
        array_to_string(list_transform(list_sort(list({'n': sentence_no, 's': sentence})), x -> x.s), ' ') as quote
    from by_sentence
    group by doc_id, mechanism_id, theme_id, para_no, role
)

select * from final
