-- One row per member state: what its mechanisms address according to the report, beside its
-- TIP tier and 3P scores for the indicator year. Descriptive: the two sides are shown
-- together, nothing here relates one to the other. Each list of paragraphs has its citation
-- beside it, naming each paragraph's document (the registry's are A/HRC/14/32's).
with mechanism_members as (
    select * from mechanism_members
),

countries as (
    select * from countries
),

coverage_mechanism_theme as (
    select * from coverage_mechanism_theme
    where covered
),

themes as (
    select * from themes
),

instruments as (
    select * from instruments
),

redress as (
    select * from redress
    where addresses_redress
),

gender_inclusion as (
    select * from gender_inclusion
),

params as (
    select
        coalesce(getvariable('indicator_year')::INTEGER,
            error('variable indicator_year is not set: bind pipelines/core/params.ts with setVariables')) as indicator_year
),

indicators as (
    select int_country_year_indicators.*
    from int_country_year_indicators
    join params on int_country_year_indicators.year = params.indicator_year
),

member_mechanisms as (
    select
        iso3,
        count(*)::INTEGER as n_mechanisms,
        list(mechanism_id order by mechanism_id) as mechanisms
    from mechanism_members
    group by iso3
),

member_theme_ids as (
    select distinct
        mechanism_members.iso3,
        coverage_mechanism_theme.theme_id,
        themes.sort_order
    from mechanism_members
    join coverage_mechanism_theme on coverage_mechanism_theme.mechanism_id = mechanism_members.mechanism_id
    left join themes on themes.theme_id = coverage_mechanism_theme.theme_id
),

member_themes as (
    select
        iso3,
        list(theme_id order by sort_order, theme_id) as themes
    from member_theme_ids
    group by iso3
),

member_theme_paragraphs as (
    select
        mechanism_members.iso3,
        cites_sorted(flatten(list(coverage_mechanism_theme.sources))) as theme_sources
    from mechanism_members
    join coverage_mechanism_theme on coverage_mechanism_theme.mechanism_id = mechanism_members.mechanism_id
    group by mechanism_members.iso3
),

member_binding as (
    select
        mechanism_members.iso3,
        list(distinct instruments.instrument_id order by instruments.instrument_id) as binding_instruments,
        cites_sorted(flatten(list(registry_cites(instruments.paragraphs)))) as binding_instrument_sources
    from mechanism_members
    join instruments on instruments.mechanism_id = mechanism_members.mechanism_id
    where instruments.legally_binding
    group by mechanism_members.iso3
),

member_redress as (
    select
        mechanism_members.iso3,
        list(distinct redress.mechanism_id order by redress.mechanism_id) as redress_mechanisms,
        cites_sorted(flatten(list(redress.sources))) as redress_sources
    from mechanism_members
    join redress on redress.mechanism_id = mechanism_members.mechanism_id
    group by mechanism_members.iso3
),

-- A mechanism counts when its main instrument covers all persons (its personal scope); whether the
-- report describes it addressing men and boys is a separate reading (gender_inclusion), not merged here.
all_persons_evidence as (
    select mechanism_id, paragraphs
    from instruments
    where is_main
      and starts_with(personal_scope, 'all persons')
),

member_all_persons as (
    select
        mechanism_members.iso3,
        list(distinct all_persons_evidence.mechanism_id order by all_persons_evidence.mechanism_id) as all_persons_mechanisms,
        cites_sorted(flatten(list(registry_cites(all_persons_evidence.paragraphs)))) as all_persons_sources
    from mechanism_members
    join all_persons_evidence on all_persons_evidence.mechanism_id = mechanism_members.mechanism_id
    group by mechanism_members.iso3
),

final as (
    select
        member_mechanisms.iso3,
        countries.name as country_name,
        countries.m49_region,
        countries.m49_subregion,
        member_mechanisms.n_mechanisms,
        member_mechanisms.mechanisms,
        coalesce(member_themes.themes, []::VARCHAR[]) as themes,
        para_nos(coalesce(member_theme_paragraphs.theme_sources, no_cites())) as theme_paragraphs,
        cite(member_theme_paragraphs.theme_sources) as theme_cited,
        len(coalesce(member_themes.themes, []::VARCHAR[]))::INTEGER as n_themes,
        member_binding.iso3 is not null as bound_by_binding_instrument,
        coalesce(member_binding.binding_instruments, []::VARCHAR[]) as binding_instruments,
        para_nos(coalesce(member_binding.binding_instrument_sources, no_cites())) as binding_instrument_paragraphs,
        cite(member_binding.binding_instrument_sources) as binding_instrument_cited,
        member_redress.iso3 is not null as any_redress,
        coalesce(member_redress.redress_mechanisms, []::VARCHAR[]) as redress_mechanisms,
        para_nos(coalesce(member_redress.redress_sources, no_cites())) as redress_paragraphs,
        cite(member_redress.redress_sources) as redress_cited,
        member_all_persons.iso3 is not null as any_all_persons_scope,
        coalesce(member_all_persons.all_persons_mechanisms, []::VARCHAR[]) as all_persons_mechanisms,
        para_nos(coalesce(member_all_persons.all_persons_sources, no_cites())) as all_persons_paragraphs,
        cite(member_all_persons.all_persons_sources) as all_persons_cited,
        indicators.tier as tip_tier_2010,
        indicators.p as p_2010,
        indicators.prosecution as prosecution_2010,
        indicators.prevention as prevention_2010,
        indicators.protection as protection_2010,
        coalesce(indicators.has_tier and indicators.has_3p, false) as has_full_data
    from member_mechanisms
    left join countries on countries.iso3 = member_mechanisms.iso3
    left join member_themes on member_themes.iso3 = member_mechanisms.iso3
    left join member_theme_paragraphs on member_theme_paragraphs.iso3 = member_mechanisms.iso3
    left join member_binding on member_binding.iso3 = member_mechanisms.iso3
    left join member_redress on member_redress.iso3 = member_mechanisms.iso3
    left join member_all_persons on member_all_persons.iso3 = member_mechanisms.iso3
    left join indicators on indicators.iso3 = member_mechanisms.iso3
)

select * from final
