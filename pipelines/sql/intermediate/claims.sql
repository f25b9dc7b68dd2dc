-- Claims with their words: one row per document × paragraph × mention or continuing sentence ×
-- mechanism. extract-claims writes offsets (claim_spans), not words, so the 300,000 sentences of a
-- 1,000-document corpus are not passed value by value from JavaScript; here the sentence and the
-- surface are sliced from the paragraph text and the themes come from the claim's theme set.
-- extract-claims says which paragraphs have a character outside the BMP (spans.astral): testing
-- every paragraph here took longer than the slicing. Its strings are ENUM codes (catalog
-- dictionary columns), cast back to VARCHAR here.
with spans as (
    select * from claim_spans
),

paragraphs as (
    select doc_id, para_no, text from paragraphs
),

theme_sets as (
    select * from claim_theme_sets
),

-- the sentence sliced from the paragraph, then the surface from the sentence where it lies in it (it
-- always does in the claims extract-claims makes): DuckDB's substring walks a text with non-ASCII
-- characters from its start, so the surface's walk is then a sentence long, not a paragraph long
sentences as (
    select
        spans.*,
        paragraphs.text,
        utf16_slice(paragraphs.text, spans.astral, spans.sentence_start, spans.sentence_end) as sentence
    from spans
    join paragraphs on paragraphs.doc_id = spans.doc_id and paragraphs.para_no = spans.para_no
),

final as (
    select
        s.doc_id::varchar as doc_id,
        s.para_no,
        s.part::varchar as part,
        s.sentence_no,
        s.mechanism_id::varchar as mechanism_id,
        s.role::varchar as role,
        s.via::varchar as via,
        case
            when s.char_start >= s.sentence_start and s.char_end <= s.sentence_end
                then utf16_slice(s.sentence, s.astral, s.char_start - s.sentence_start, s.char_end - s.sentence_start)
            else utf16_slice(s.text, s.astral, s.char_start, s.char_end)
        end as surface,
        s.char_start,
        s.char_end,
        s.sentence,
        theme_sets.themes,
        theme_sets.theme_sources
    from sentences as s
    join theme_sets using (theme_set)
)

select * from final
