-- Actor evidence rolled up to mechanism × theme: the distinct paragraphs behind each pair, each
-- with its document. Only claims in which the report describes the mechanism doing the activity
-- count: not a yardstick, a lack, a participation in another body's act or a mention in passing.
with evidence as (
    select * from evidence
    where is_counted(role)
),

rolled as (
    select
        mechanism_id,
        theme_id,
        cites_sorted(list({'doc_id': doc_id, 'para_no': para_no})) as sources
    from evidence
    group by mechanism_id, theme_id
),

final as (
    select
        mechanism_id,
        theme_id,
        len(sources)::INTEGER as n_paragraphs,
        para_nos(sources) as paragraphs,
        sources
    from rolled
)

select * from final
