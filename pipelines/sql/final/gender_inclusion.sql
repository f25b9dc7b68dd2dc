-- Per mechanism, two separate readings of whether men and boys are covered, never merged:
-- - personal_scope: what its main instrument covers (curated from the instrument's title and
--   text: all persons; all persons, especially women and children; women and children only);
-- - men_and_boys_explicit: the report describes the mechanism addressing men or boys (an actor
--   claim matching a men-and-boys cue of data/registry/cues.yaml), with the quote.
-- Gender mainstreaming and child-specific measures come from actor claims too. The report's
-- silence is "not stated" / "unknown", never "no".
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

men_quotes as (
    -- the first actor sentence that says so, per mechanism (the gender_men theme takes the
    -- men-and-boys cues as its own, so it marks exactly these claims)
    select
        mechanism_id,
        arg_min(sentence, (doc_id, para_no, sentence_no)) as quote
    from claims
    where is_counted(role)
      and list_contains(themes, 'gender_men')
    group by mechanism_id
),

by_measure as (
    select
        mechanisms.mechanism_id,
        max(case when cues.measure = 'men_and_boys' then cues.sources end) as men_sources,
        max(case when cues.measure = 'gender_mainstreaming' then cues.sources end) as gender_sources,
        max(case when cues.measure = 'child_specific' then cues.sources end) as child_sources
    from mechanisms
    left join cues on cues.mechanism_id = mechanisms.mechanism_id
    group by mechanisms.mechanism_id
),

final as (
    select
        mechanisms.mechanism_id,
        mechanisms.acronym,
        mechanisms.region,
        mechanisms.response_status,
        main.instrument_name as main_instrument,
        coalesce(main.personal_scope, 'unknown') as personal_scope,
        coalesce(main.paragraphs, []::INTEGER[]) as personal_scope_paragraphs,
        cite(main.sources) as personal_scope_cited,
        case when by_measure.men_sources is not null then 'yes' else 'not stated' end as men_and_boys_explicit,
        para_nos(coalesce(by_measure.men_sources, no_cites())) as men_and_boys_paragraphs,
        cite(by_measure.men_sources) as men_and_boys_cited,
        men_quotes.quote as men_and_boys_quote,
        case when by_measure.gender_sources is not null then 'true' else 'unknown' end as gender_mainstreaming,
        para_nos(coalesce(by_measure.gender_sources, no_cites())) as gender_mainstreaming_paragraphs,
        cite(by_measure.gender_sources) as gender_mainstreaming_cited,
        case when by_measure.child_sources is not null then 'true' else 'unknown' end as child_specific,
        para_nos(coalesce(by_measure.child_sources, no_cites())) as child_specific_paragraphs,
        cite(by_measure.child_sources) as child_specific_cited,
        cites_sorted(coalesce(main.sources, no_cites()) || coalesce(by_measure.men_sources, no_cites())
            || coalesce(by_measure.gender_sources, no_cites()) || coalesce(by_measure.child_sources, no_cites())) as sources
    from mechanisms
    left join main on main.mechanism_id = mechanisms.mechanism_id
    left join by_measure on by_measure.mechanism_id = mechanisms.mechanism_id
    left join men_quotes on men_quotes.mechanism_id = mechanisms.mechanism_id
)

select * from final
