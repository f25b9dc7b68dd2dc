-- Each recommendation with its themes and the mechanisms already showing evidence
-- for any of them, so that the recommendations nobody acts on stand out.
with recommendations as (
    -- one row per recommendation number; in a corpus the first document's text stands for it
    select
        para_no,
        arg_min(cluster, doc_id) as cluster,
        arg_min(text, doc_id) as text
    from paragraphs
    where part = 'recommendations'
    group by para_no
),

rec_themes as (
    select * from recommendation_themes
),

pairs as (
    select * from int_mechanism_theme
),

acting as (
    select
        rec_themes.para_no,
        list(distinct pairs.mechanism_id order by pairs.mechanism_id) as mechanisms,
        list_sort(list_distinct(flatten(list(pairs.paragraphs)))) as evidence_paragraphs
    from rec_themes
    join pairs on pairs.theme_id = rec_themes.theme_id
    group by rec_themes.para_no
),

themes_of as (
    select para_no, list(theme_id order by theme_id) as themes
    from rec_themes
    group by para_no
),

final as (
    select
        recommendations.para_no,
        recommendations.cluster,
        array_to_string(list_slice(string_split(recommendations.text, ' '), 1, 14), ' ')
            || case when len(string_split(recommendations.text, ' ')) > 14 then ' …' else '' end as excerpt,
        coalesce(themes_of.themes, []::VARCHAR[]) as themes,
        coalesce(len(acting.mechanisms), 0)::INTEGER as n_mechanisms,
        coalesce(acting.mechanisms, []::VARCHAR[]) as mechanisms,
        coalesce(acting.evidence_paragraphs, []::INTEGER[]) as evidence_paragraphs
    from recommendations
    left join themes_of on themes_of.para_no = recommendations.para_no
    left join acting on acting.para_no = recommendations.para_no
)

select * from final
