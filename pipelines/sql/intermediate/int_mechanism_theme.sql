-- Evidence rolled up to mechanism × theme: the distinct paragraphs behind each pair.
-- Recommendations are the Special Rapporteur's asks, not evidence of what mechanisms do.
with evidence as (
    select * from evidence
    where part in ('description', 'achievement', 'challenge')
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
