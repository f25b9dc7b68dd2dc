-- Every region × every theme: how many of the region's mechanisms address the theme.
with coverage as (
    select * from coverage_mechanism_theme
),

regions as (
    select
        region,
        count(*)::INTEGER as n_mechanisms_in_region,
        count(*) filter (where response_status = 'did not respond')::INTEGER as n_not_responded,
        count(*) filter (where response_status = 'not asked')::INTEGER as n_not_asked
    from mechanisms
    group by region
),

themes as (
    select * from themes
),

covered as (
    select
        region,
        theme_id,
        count(*)::INTEGER as n_mechanisms,
        list(mechanism_id order by mechanism_id) as mechanisms,
        cites_sorted(flatten(list(sources))) as sources
    from coverage
    where covered
    group by region, theme_id
),

final as (
    select
        regions.region,
        themes.theme_id,
        themes.label as theme_label,
        themes.pillar,
        coalesce(covered.n_mechanisms, 0)::INTEGER as n_mechanisms,
        regions.n_mechanisms_in_region,
        regions.n_not_responded,
        regions.n_not_asked,
        (coalesce(covered.n_mechanisms, 0) / regions.n_mechanisms_in_region)::DOUBLE as share,
        coalesce(covered.mechanisms, []::VARCHAR[]) as mechanisms,
        para_nos(coalesce(covered.sources, no_cites())) as paragraphs,
        coalesce(covered.sources, no_cites()) as sources,
        cite(covered.sources) as cited
    from regions
    cross join themes
    left join covered
        on covered.region = regions.region
        and covered.theme_id = themes.theme_id
)

select * from final
