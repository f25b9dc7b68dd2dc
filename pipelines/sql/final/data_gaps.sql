-- The report's data-gap findings, computed from the tables above. Each finding
-- carries the count, what it is counted out of, a generated statement and the
-- paragraphs behind it. Thresholds come from pipelines/params.ts.
-- Citations are printed "A/HRC/14/32, para. 3" or "A/HRC/14/32, paras. 85, 88".
with coverage as (
    select * from coverage_mechanism_theme
),

mechanisms as (
    select * from mechanisms
),

described as (
    -- mechanisms whose activities the report describes (at least one evidence paragraph)
    select mechanism_id from coverage group by mechanism_id having bool_or(covered)
),

n_described as (
    select count(*)::INTEGER as n from described
),

theme_counts as (
    select
        theme_id,
        any_value(theme_label) as theme_label,
        count(*) filter (where covered)::INTEGER as n_mechanisms,
        list(acronym order by acronym) filter (where covered) as acronyms,
        list_sort(list_distinct(flatten(list(paragraphs)))) as paragraphs
    from coverage
    group by theme_id
),

few_mechanisms as (
    select
        'few_mechanisms:' || theme_id as finding_id,
        'few_mechanisms' as kind,
        theme_label as subject,
        n_mechanisms as value,
        (select n from n_described) as denominator,
        case when n_mechanisms = 0
            then format('No mechanism the report describes is credited with work on {}.', lower(theme_label))
            else format('Only {} of the {} mechanisms the report describes {} credited with work on {}: {} ({}).',
                n_mechanisms, (select n from n_described), case when n_mechanisms = 1 then 'is' else 'are' end,
                lower(theme_label), array_to_string(acronyms, ', '), cite(paragraphs))
        end as statement,
        paragraphs as citations
    from theme_counts
    where n_mechanisms <= getvariable('few_mechanisms_max')
),

region_counts as (
    select
        region,
        count(distinct theme_id) filter (where n_mechanisms > 0)::INTEGER as n_themes,
        (select count(*) from themes)::INTEGER as n_themes_all,
        list(theme_label order by theme_label) filter (where n_mechanisms = 0) as missing,
        list_sort(list_distinct(flatten(list(paragraphs)))) as paragraphs
    from coverage_region_theme
    group by region
),

thin_region as (
    select
        'thin_region:' || region as finding_id,
        'thin_region' as kind,
        region as subject,
        n_themes as value,
        n_themes_all as denominator,
        format('{} are credited with work on {} of {} themes{}.',
            case when region = 'cross-regional' then 'Cross-regional mechanisms' else 'Mechanisms in ' || region end,
            n_themes, n_themes_all,
            case when len(paragraphs) > 0 then format(' ({})', cite(paragraphs)) else '' end
        ) as statement,
        paragraphs as citations
    from region_counts
    where n_themes <= getvariable('thin_region_max_share') * n_themes_all
),

requests as (
    select * from data_requests
),

no_response as (
    select
        'no_response:request_for_information' as finding_id,
        'no_response' as kind,
        'request for information' as subject,
        count(*) filter (where not responded)::INTEGER as value,
        count(*)::INTEGER as denominator,
        format('{} of the {} organisations asked for information had not responded when the report was written: {} ({}).',
            count(*) filter (where not responded), count(*),
            string_agg(name_in_text, ', ' order by name_in_text) filter (where not responded),
            cite(list_sort(list_distinct(list(para_no))))) as statement,
        list_sort(list_distinct(list(para_no))) as citations
    from requests
    -- a corpus with no request for information (no document has the rapporteur-thematic profile) has no finding here
    having count(*) > 0
),

initiatives as (
    select * from data_collection_initiatives
),

missing_data_collection as (
    select
        'missing_data_collection:mechanisms' as finding_id,
        'missing_data_collection' as kind,
        'data collection' as subject,
        count(distinct initiatives.mechanism_id)::INTEGER as value,
        (select n from n_described) as denominator,
        format('Only {} of the {} mechanisms the report describes are credited with a data-collection or information-exchange activity ({}); the report notes that trafficking remains under-reported ({}).',
            count(distinct initiatives.mechanism_id), (select n from n_described),
            string_agg(distinct m.acronym, ', ' order by m.acronym),
            cite(list_sort(list_distinct(list(initiatives.para_no))))) as statement,
        list_sort(list_distinct(list(initiatives.para_no))) as citations
    from initiatives
    left join mechanisms m on m.mechanism_id = initiatives.mechanism_id
    having count(*) > 0
),

gender as (
    select * from gender_inclusion
),

group_left_out as (
    select
        'group_left_out:men_and_boys' as finding_id,
        'group_left_out' as kind,
        'men and boys' as subject,
        count(*) filter (where men_and_boys = 'false')::INTEGER as value,
        count(*) filter (where men_and_boys <> 'unknown')::INTEGER as denominator,
        format('Of the {} mechanisms whose coverage of men can be read from the report, {} {} reference instrument to women and children ({}); {} cover all persons or address men and boys explicitly ({}).',
            count(*) filter (where men_and_boys <> 'unknown'), count(*) filter (where men_and_boys = 'false'),
            case when count(*) filter (where men_and_boys = 'false') = 1 then 'limits its' else 'limit their' end,
            coalesce(string_agg(acronym, ', ' order by acronym) filter (where men_and_boys = 'false'), 'none'),
            count(*) filter (where men_and_boys = 'true'),
            cite(list_sort(list_distinct(flatten(list(men_and_boys_paragraphs)))))) as statement,
        list_sort(list_distinct(flatten(list(men_and_boys_paragraphs)))) as citations
    from gender
),

redress as (
    select * from redress
),

redress_gap as (
    select
        'redress:mechanisms' as finding_id,
        'redress' as kind,
        'redress and compensation' as subject,
        count(*) filter (where addresses_redress)::INTEGER as value,
        (select n from n_described) as denominator,
        format('Only {} of the {} mechanisms the report describes address any element of redress ({}); {} address compensation{}.',
            count(*) filter (where addresses_redress), (select n from n_described),
            coalesce(string_agg(acronym, ', ' order by acronym) filter (where addresses_redress), 'none'),
            count(*) filter (where compensation),
            case when len(list_sort(list_distinct(flatten(list(paragraphs))))) > 0
                then format(' ({})', cite(list_sort(list_distinct(flatten(list(paragraphs)))))) else '' end) as statement,
        list_sort(list_distinct(flatten(list(paragraphs)))) as citations
    from redress
    having (select n from n_described) > 0
),

final as (
    select * from few_mechanisms
    union all select * from thin_region
    union all select * from no_response
    union all select * from missing_data_collection
    union all select * from group_left_out
    union all select * from redress_gap
)

select * from final
