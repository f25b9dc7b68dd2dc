-- Which gender and redress cues each mechanism's evidence passages contain,
-- rolled up to mechanism × measure (the matching itself is the match-cues stage).
with matched as (
    select * from passage_cues
),

rolled as (
    select
        mechanism_id,
        any_value(family) as family,
        measure,
        cites_sorted(list({'doc_id': doc_id, 'para_no': para_no})) as sources
    from matched
    group by mechanism_id, measure
),

final as (
    select
        mechanism_id,
        family,
        measure,
        para_nos(sources) as paragraphs,
        sources
    from rolled
)

select * from final
