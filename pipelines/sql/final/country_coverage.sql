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

-- The paragraphs behind each member's themes. Member states with the same mechanisms have the
-- same ones, so they are gathered once per set of mechanisms (77 sets for 201 states), each
-- mechanism's once (its themes cite many of the same), and cited by one grouping (cited_rows)
-- rather than one cite() a row.
member_sets as (
    select iso3, array_to_string(list(mechanism_id order by mechanism_id), ' ') as mechanism_set
    from mechanism_members
    group by iso3
),

set_mechanisms as (
    select distinct mechanism_members.mechanism_id, member_sets.mechanism_set
    from mechanism_members
    join member_sets on member_sets.iso3 = mechanism_members.iso3
),

mechanism_theme_cites as (
    -- (DISTINCT in a subquery: beside unnest in one SELECT it keeps too few rows)
    select distinct * from (
        select mechanism_id, unnest(sources, recursive := true)
        from coverage_mechanism_theme
        where covered -- again: a CTE read through cited_rows (query_table) may see the table, not the CTE
    )
),

set_theme_cites as (
    select set_mechanisms.mechanism_set as key, mechanism_theme_cites.doc_id, mechanism_theme_cites.para_no
    from set_mechanisms
    join mechanism_theme_cites on mechanism_theme_cites.mechanism_id = set_mechanisms.mechanism_id
),

member_theme_paragraphs as (
    select member_sets.iso3, set_cited.sources as theme_sources, set_cited.cited as theme_cited
    from member_sets
    join cited_rows('set_theme_cites') as set_cited on set_cited.key = member_sets.mechanism_set
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
        list(distinct redress.mechanism_id order by redress.mechanism_id) as redress_mechanisms
    from mechanism_members
    join redress on redress.mechanism_id = mechanism_members.mechanism_id
    group by mechanism_members.iso3
),

member_redress_cites as (
    select mechanism_members.iso3 as key, cited.doc_id, cited.para_no
    from mechanism_members
    join (select mechanism_id, unnest(sources, recursive := true) from redress where addresses_redress) as cited
        on cited.mechanism_id = mechanism_members.mechanism_id
),

member_redress_paragraphs as (
    select key as iso3, sources as redress_sources, cited as redress_cited
    from cited_rows('member_redress_cites')
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
        member_theme_paragraphs.theme_cited,
        len(coalesce(member_themes.themes, []::VARCHAR[]))::INTEGER as n_themes,
        member_binding.iso3 is not null as bound_by_binding_instrument,
        coalesce(member_binding.binding_instruments, []::VARCHAR[]) as binding_instruments,
        para_nos(coalesce(member_binding.binding_instrument_sources, no_cites())) as binding_instrument_paragraphs,
        cite(member_binding.binding_instrument_sources) as binding_instrument_cited,
        member_redress.iso3 is not null as any_redress,
        coalesce(member_redress.redress_mechanisms, []::VARCHAR[]) as redress_mechanisms,
        para_nos(coalesce(member_redress_paragraphs.redress_sources, no_cites())) as redress_paragraphs,
        member_redress_paragraphs.redress_cited,
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
    left join member_redress_paragraphs on member_redress_paragraphs.iso3 = member_mechanisms.iso3
    left join member_all_persons on member_all_persons.iso3 = member_mechanisms.iso3
    left join indicators on indicators.iso3 = member_mechanisms.iso3
)

select * from final
