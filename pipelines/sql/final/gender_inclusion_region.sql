-- Region-level summary of gender_inclusion; the instrument's scope and the report's explicit
-- statements about men and boys are counted apart.
with gender as (
    select * from gender_inclusion
),

by_region as (
    select
        region,
        count(*)::INTEGER as n_mechanisms,
        count(*) filter (where men_and_boys_explicit = 'yes')::INTEGER as n_men_and_boys_explicit,
        count(*) filter (where personal_scope like 'all persons%')::INTEGER as n_all_persons_scope,
        count(*) filter (where personal_scope = 'women and children only')::INTEGER as n_women_and_children_only,
        count(*) filter (where gender_mainstreaming = 'true')::INTEGER as n_gender_mainstreaming,
        count(*) filter (where child_specific = 'true')::INTEGER as n_child_specific,
        cites_sorted(flatten(list(sources))) as sources
    from gender
    group by region
),

final as (
    select * exclude (sources), para_nos(sources) as paragraphs, sources, cite(sources) as cited
    from by_region
)

select * from final
