-- Per mechanism: men and boys, gender mainstreaming and child-specific measures,
-- each true / false / unknown with the paragraphs behind it. The report's silence
-- is "unknown", never "false"; "false" needs an instrument limited to women and children.
with mechanisms as (
    select * from mechanisms
),

main as (
    select * from stg_main_instruments
),

cues as (
    select * from int_passage_cues
    where family = 'gender'
),

by_measure as (
    select
        mechanisms.mechanism_id,
        max(case when cues.measure = 'men_and_boys' then cues.paragraphs end) as men_paras,
        max(case when cues.measure = 'gender_mainstreaming' then cues.paragraphs end) as gender_paras,
        max(case when cues.measure = 'child_specific' then cues.paragraphs end) as child_paras
    from mechanisms
    left join cues on cues.mechanism_id = mechanisms.mechanism_id
    group by mechanisms.mechanism_id
),

final as (
    select
        mechanisms.mechanism_id,
        mechanisms.acronym,
        mechanisms.region,
        main.instrument_name as main_instrument,
        coalesce(main.personal_scope, 'unknown') as personal_scope,
        coalesce(main.paragraphs, []::INTEGER[]) as personal_scope_paragraphs,
        case
            when by_measure.men_paras is not null then 'true'
            when main.personal_scope like 'all persons%' then 'true'
            when main.personal_scope = 'women and children only' then 'false'
            else 'unknown'
        end as men_and_boys,
        case
            when by_measure.men_paras is not null then by_measure.men_paras
            when main.personal_scope in ('all persons', 'all persons, especially women and children', 'women and children only') then main.paragraphs
            else []::INTEGER[]
        end as men_and_boys_paragraphs,
        case when by_measure.gender_paras is not null then 'true' else 'unknown' end as gender_mainstreaming,
        coalesce(by_measure.gender_paras, []::INTEGER[]) as gender_mainstreaming_paragraphs,
        case when by_measure.child_paras is not null then 'true' else 'unknown' end as child_specific,
        coalesce(by_measure.child_paras, []::INTEGER[]) as child_specific_paragraphs
    from mechanisms
    left join main on main.mechanism_id = mechanisms.mechanism_id
    left join by_measure on by_measure.mechanism_id = mechanisms.mechanism_id
)

select * from final
