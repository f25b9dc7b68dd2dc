-- Every mechanism × every theme, zeros included, with the paragraphs behind each pair (each with
-- its document) and their citation.
with mechanisms as (
    select * from mechanisms
),

themes as (
    select * from themes
),

pairs as (
    select * from int_mechanism_theme
),

final as (
    select
        mechanisms.mechanism_id,
        mechanisms.acronym,
        mechanisms.name as mechanism_name,
        mechanisms.region,
        mechanisms.response_status,
        themes.theme_id,
        themes.label as theme_label,
        themes.pillar,
        coalesce(pairs.n_paragraphs, 0)::INTEGER as n_paragraphs,
        coalesce(pairs.paragraphs, []::INTEGER[]) as paragraphs,
        coalesce(pairs.sources, no_cites()) as sources,
        cite(pairs.sources) as cited,
        coalesce(pairs.n_paragraphs, 0) > 0 as covered
    from mechanisms
    cross join themes
    left join pairs
        on pairs.mechanism_id = mechanisms.mechanism_id
        and pairs.theme_id = themes.theme_id
)

select * from final
