-- Actor evidence rolled up to mechanism × theme: the distinct paragraphs behind each pair.
-- Only claims in which the report describes the mechanism doing the activity count: not a
-- yardstick, a lack, a participation in another body's act or a mention in passing.
with evidence as (
    select * from evidence
    where role = 'actor'
),

final as (
    select
        mechanism_id,
        theme_id,
        count(distinct para_no)::INTEGER as n_paragraphs,
        list(distinct para_no order by para_no) as paragraphs
    from evidence
    group by mechanism_id, theme_id
)

select * from final
