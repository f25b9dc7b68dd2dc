-- Which gender and redress cues each mechanism's evidence passages contain,
-- rolled up to mechanism × measure (the matching itself is the match-cues stage).
with matched as (
    select * from passage_cues
),

final as (
    select
        mechanism_id,
        any_value(family) as family,
        measure,
        list(distinct para_no order by para_no) as paragraphs
    from matched
    group by mechanism_id, measure
)

select * from final
