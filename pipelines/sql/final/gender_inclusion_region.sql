-- Region-level summary of gender_inclusion; the instrument's scope and the report's explicit
-- statements about men and boys are counted apart.
with gender as (
    select * from gender_inclusion
),

final as (
    select
        region,
        count(*)::INTEGER as n_mechanisms,
        count(*) filter (where men_and_boys_explicit = 'yes')::INTEGER as n_men_and_boys_explicit,
        count(*) filter (where personal_scope like 'all persons%')::INTEGER as n_all_persons_scope,
        count(*) filter (where personal_scope = 'women and children only')::INTEGER as n_women_and_children_only,
        count(*) filter (where gender_mainstreaming = 'true')::INTEGER as n_gender_mainstreaming,
        count(*) filter (where child_specific = 'true')::INTEGER as n_child_specific,
        list_sort(list_distinct(flatten(list(
            men_and_boys_paragraphs || personal_scope_paragraphs || gender_mainstreaming_paragraphs || child_specific_paragraphs
        )))) as paragraphs
    from gender
    group by region
)

select * from final
