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

final as (
    select
        spans.doc_id::varchar as doc_id,
        spans.para_no,
        spans.part::varchar as part,
        spans.sentence_no,
        spans.mechanism_id::varchar as mechanism_id,
        spans.role::varchar as role,
        spans.via::varchar as via,
        utf16_slice(paragraphs.text, spans.astral, spans.char_start, spans.char_end) as surface,
        spans.char_start,
        spans.char_end,
        utf16_slice(paragraphs.text, spans.astral, spans.sentence_start, spans.sentence_end) as sentence,
        theme_sets.themes,
        theme_sets.theme_sources
    from spans
    join paragraphs on paragraphs.doc_id = spans.doc_id and paragraphs.para_no = spans.para_no
    join theme_sets using (theme_set)
)

select * from final
