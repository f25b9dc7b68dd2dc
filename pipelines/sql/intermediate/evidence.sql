-- Claims by theme: one row per document × mechanism × theme × paragraph × role. The quote is
-- every sentence of those claims in text order; the sentence and the theme source are those of
-- the first claim. Only actor rows count toward coverage (int_mechanism_theme).
-- The claims are grouped by their offsets (claim_spans), not their words: the sentences are sliced
-- from the paragraph text once the groups are made, so the grouping carries integers, not the
-- 300,000 sentences of a 1,000-document corpus repeated per theme. claim_spans keeps its strings
-- as ENUM codes (catalog dictionary columns), which the grouping compares as integers; they are
-- cast back to VARCHAR at the end.
with spans as (
    select * from claim_spans
),

theme_sets as (
    select * from claim_theme_sets
),

paragraphs as (
    select doc_id, para_no, text from paragraphs
),

by_theme as (
    select
        spans.doc_id, spans.mechanism_id, spans.para_no, spans.role, spans.part, spans.sentence_no,
        spans.sentence_start, spans.sentence_end, spans.astral,
        unnest(theme_sets.themes) as theme_id,
        unnest(theme_sets.theme_sources) as theme_source
    from spans
    join theme_sets using (theme_set)
),

by_sentence as (
    -- one row per sentence: several mentions of a body in a sentence make one claim on it
    -- (a sentence's offsets go with its number; part and astral with the paragraph)
    select
        doc_id, mechanism_id, theme_id, para_no, role, sentence_no, sentence_start, sentence_end,
        any_value(part) as part,
        any_value(astral) as astral,
        any_value(theme_source) as theme_source
    from by_theme
    group by doc_id, mechanism_id, theme_id, para_no, role, sentence_no, sentence_start, sentence_end
),

grouped as (
    select
        doc_id,
        mechanism_id,
        theme_id,
        para_no,
        role,
        any_value(part) as part,
        arg_min(theme_source, sentence_no) as theme_source,
        any_value(astral) as astral,
        -- sentence_no is unique in a group, so sorting the structs orders by it
        list_sort(list({'n': sentence_no, 's': sentence_start, 'e': sentence_end})) as sentences
    from by_sentence
    group by doc_id, mechanism_id, theme_id, para_no, role
),

-- the first sentence sliced once: it is the whole quote of most groups (DuckDB's substring walks a
-- text with non-ASCII characters from its start, so each slice costs a walk along the paragraph)
first_sentence as (
    select
        grouped.*,
        paragraphs.text,
        utf16_slice(paragraphs.text, grouped.astral, grouped.sentences[1].s, grouped.sentences[1].e) as sentence
    from grouped
    join paragraphs on paragraphs.doc_id = grouped.doc_id and paragraphs.para_no = grouped.para_no
),

final as (
    select
        doc_id::varchar as doc_id,
        mechanism_id::varchar as mechanism_id,
        theme_id,
        para_no,
        role::varchar as role,
        part::varchar as part,
        theme_source,
        sentence,
        case
            when len(sentences) = 1 then sentence
            else array_to_string(list_transform(sentences, x -> utf16_slice(text, astral, x.s, x.e)), ' ')
        end as quote
    from first_sentence
)

select * from final
