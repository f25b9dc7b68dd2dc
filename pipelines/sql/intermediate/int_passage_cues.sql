-- Which gender and redress cues each mechanism's evidence passages contain.
with evidence as (
    select * from evidence
    where part in ('description', 'achievement', 'challenge')
),

cues as (
    select * from cues
),

matched as (
    select distinct
        evidence.mechanism_id,
        cues.family,
        cues.measure,
        evidence.para_no
    from evidence
    join cues on regexp_matches(evidence.quote, cues.pattern, 'i')
),

final as (
    select
        mechanism_id,
        family,
        measure,
        list(para_no order by para_no) as paragraphs
    from matched
    group by mechanism_id, family, measure
)

select * from final
