-- The report's data-gap findings, computed from the tables above. Each finding carries its
-- count, what it is counted out of (in numbers and in words), a generated statement and the
-- paragraphs behind it, each with its document. Only actor claims count as work done; what the
-- report says a mechanism lacks is a gap in the report's own words (kind 'lacking'), never work
-- done. A theme or region with nothing to cite in this corpus (a corpus without A/HRC/14/32,
-- whose headings are the themes, describes no mechanism on many of them) gets no finding rather
-- than a zero; the findings on a measure (men and boys, data collection, redress) state their
-- count out of the mechanisms described, zero included.
-- Thresholds come from pipelines/core/params.ts. Citations: "A/HRC/14/32, paras. 24, 62; A/HRC/14/37, para. 5".
with coverage as (
    select * from coverage_mechanism_theme
),

mechanisms as (
    select * from mechanisms
),

out_of as (
    -- every count below is out of the registry's mechanisms; the words say how many the report describes
    select
        n,
        n_described,
        format('of the {} mechanisms in the registry (the report describes {} of them at work)', n, n_described) as words
    from (
        select
            count(*)::INTEGER as n,
            (select count(distinct mechanism_id) from coverage where covered)::INTEGER as n_described
        from mechanisms
    )
),

theme_counts as (
    select
        theme_id,
        any_value(theme_label) as theme_label,
        count(*) filter (where covered)::INTEGER as n_mechanisms,
        list(acronym order by acronym) filter (where covered) as acronyms,
        cites_sorted(flatten(list(sources))) as sources
    from coverage
    group by theme_id
),

few_mechanisms as (
    select
        'few_mechanisms:' || theme_id as finding_id,
        'few_mechanisms' as kind,
        theme_label as subject,
        n_mechanisms as value,
        out_of.n as denominator,
        out_of.words as denominator_words,
        format('Only {} {} {} described working on {}: {}{}.',
            n_mechanisms, out_of.words, case when n_mechanisms = 1 then 'is' else 'are' end,
            lower(theme_label), array_to_string(acronyms, ', '), cite_note(sources)) as statement,
        sources
    from theme_counts, out_of
    where out_of.n_described > 0
      and n_mechanisms > 0
      and n_mechanisms <= getvariable('few_mechanisms_max')
      -- these themes have findings of their own below (one number for one quantity)
      and theme_id not in ('redress', 'gender_men', 'data_collection')
),

lacking_claims as (
    select
        evidence.doc_id,
        evidence.mechanism_id,
        any_value(mechanisms.acronym) as acronym,
        evidence.para_no,
        list(distinct themes.label order by themes.label) as theme_labels,
        any_value(evidence.sentence) as sentence
    from evidence
    join mechanisms on mechanisms.mechanism_id = evidence.mechanism_id
    join themes on themes.theme_id = evidence.theme_id
    where evidence.role = 'lacking'
    group by evidence.doc_id, evidence.mechanism_id, evidence.para_no
),

lacking as (
    select
        -- 'lacking:las:105'; in a corpus of several documents the paragraph's document is in the id too
        'lacking:' || mechanism_id || ':'
            || case when (select count(*) from documents) > 1 then doc_id || ':' else '' end
            || para_no as finding_id,
        'lacking' as kind,
        acronym as subject,
        1 as value,
        1 as denominator,
        'a gap the report states about one mechanism' as denominator_words,
        format('The report says {} lacks what it needs for {}: “{}”{}.',
            acronym, lower(array_to_string(theme_labels, ', ')), sentence, cite_note(cites_of(doc_id, [para_no]))) as statement,
        cites_of(doc_id, [para_no]) as sources
    from lacking_claims
),

region_counts as (
    select
        region,
        count(distinct theme_id) filter (where n_mechanisms > 0)::INTEGER as n_themes,
        (select count(*) from themes)::INTEGER as n_themes_all,
        any_value(n_mechanisms_in_region) as n_mechanisms_in_region,
        any_value(n_not_responded) as n_not_responded,
        any_value(n_not_asked) as n_not_asked,
        cites_sorted(flatten(list(sources))) as sources
    from coverage_region_theme
    group by region
),

requests as (
    select * from data_requests
),

-- The request for information (para 3 of A/HRC/14/32) and who answered it: the response status
-- of the registry is that document's, so a corpus without it says nothing of non-response.
request_sources as (
    select cites_sorted(list({'doc_id': doc_id, 'para_no': para_no})) as sources
    from requests
    having count(*) > 0
),

thin_region as (
    select
        'thin_region:' || region as finding_id,
        'thin_region' as kind,
        region as subject,
        n_themes as value,
        n_themes_all as denominator,
        format('of the {} themes of the report', n_themes_all) as denominator_words,
        case when request_sources.sources is null
            then format('{} are described working on {} of the {} themes of the report{}.',
                case when region = 'Cross-regional' or region = 'cross-regional' then 'Cross-regional mechanisms' else 'Mechanisms in ' || region end,
                n_themes, n_themes_all, cite_note(region_counts.sources))
            else format('{} are described working on {} of the {} themes of the report; of the region''s {} {}, {} did not respond to the Special Rapporteur''s request for information and {} {} not asked, so the silence may be the report''s, not theirs{}.',
                case when region = 'Cross-regional' or region = 'cross-regional' then 'Cross-regional mechanisms' else 'Mechanisms in ' || region end,
                n_themes, n_themes_all,
                n_mechanisms_in_region, case when n_mechanisms_in_region = 1 then 'mechanism' else 'mechanisms' end,
                n_not_responded, n_not_asked, case when n_not_asked = 1 then 'was' else 'were' end,
                cite_note(cites_sorted(region_counts.sources || request_sources.sources)))
        end as statement,
        cites_sorted(region_counts.sources || coalesce(request_sources.sources, no_cites())) as sources
    from region_counts
    cross join out_of
    left join request_sources on true
    where out_of.n_described > 0
      and n_themes <= getvariable('thin_region_max_share') * n_themes_all
      -- a region described nowhere, with no request for information to cite: nothing to say
      and len(cites_sorted(region_counts.sources || coalesce(request_sources.sources, no_cites()))) > 0
),

no_response as (
    select
        'no_response:request_for_information' as finding_id,
        'no_response' as kind,
        'request for information' as subject,
        count(*) filter (where not r.responded)::INTEGER as value,
        count(*)::INTEGER as denominator,
        -- one document: each request is to one organisation; in a corpus an organisation is asked once per
        -- document, so the count is of requests, with the organisations and documents beside it (worded as
        -- pipelines/report/requests-asked.ts words them for the chart and the methods note)
        case when count(distinct r.doc_id) = 1
            then format('of the {} organisations the Special Rapporteur asked for information', count(*))
            else format('of the {} request{} for information ({} organisation{}, in {} documents)',
                count(*), case when count(*) = 1 then '' else 's' end,
                count(distinct r.mechanism_id), case when count(distinct r.mechanism_id) = 1 then '' else 's' end,
                count(distinct r.doc_id))
        end as denominator_words,
        -- (denominator_words, defined just above, is reused here: DuckDB reads an earlier column's alias)
        format('{} {} {}: {}{}.',
            count(*) filter (where not r.responded),
            denominator_words,
            case when count(distinct r.doc_id) = 1
                then 'had not responded when the report was written'
                else 'had not been answered when the documents were written'
            end,
            -- each organisation once: with one document, as the report names it; with several, by the registry's
            -- acronym (documents name one organisation differently: "African Union", "African Union (AU)")
            case when count(distinct r.doc_id) = 1
                then string_agg(distinct r.name_in_text, ', ' order by r.name_in_text) filter (where not r.responded)
                else string_agg(distinct coalesce(m.acronym, r.name_in_text), ', ' order by coalesce(m.acronym, r.name_in_text)) filter (where not r.responded)
            end,
            cite_note(cites_sorted(list({'doc_id': r.doc_id, 'para_no': r.para_no})))) as statement,
        cites_sorted(list({'doc_id': r.doc_id, 'para_no': r.para_no})) as sources
    from requests as r
    left join mechanisms as m on m.mechanism_id = r.mechanism_id
    -- a corpus with no request for information (no document has the rapporteur-thematic profile) has no finding here
    having count(*) > 0
),

initiatives as (
    select * from data_collection_initiatives
),

data_collection as (
    -- the data_collection theme is made of the same cues as data_collection_initiatives
    select * from theme_counts where theme_id = 'data_collection'
),

gap_sources as (
    -- where the report notes that trafficking remains under-reported
    select coalesce(list({'doc_id': doc_id, 'para_no': para_no}), no_cites()) as sources
    from initiatives
    where kind = 'gap'
),

missing_data_collection as (
    select
        'missing_data_collection:mechanisms' as finding_id,
        'missing_data_collection' as kind,
        'data collection' as subject,
        coalesce(data_collection.n_mechanisms, 0) as value,
        out_of.n as denominator,
        out_of.words as denominator_words,
        format('Only {} {} {} described collecting or exchanging data: {}{}{}.',
            coalesce(data_collection.n_mechanisms, 0), out_of.words, case when data_collection.n_mechanisms = 1 then 'is' else 'are' end,
            coalesce(array_to_string(data_collection.acronyms, ', '), 'none'),
            case when len(gap_sources.sources) > 0 then '; the report notes that trafficking remains under-reported' else '' end,
            cite_note(cites_sorted(coalesce(data_collection.sources, no_cites()) || gap_sources.sources))) as statement,
        cites_sorted(coalesce(data_collection.sources, no_cites()) || gap_sources.sources) as sources
    from out_of
    cross join gap_sources
    left join data_collection on true
    where out_of.n_described > 0
),

gender as (
    select * from gender_inclusion
),

men_sources as (
    -- the paragraphs behind men_and_boys_explicit = 'yes' (gender_inclusion takes them from here)
    select coalesce(cites_sorted(flatten(list(sources))), no_cites()) as sources
    from int_passage_cues
    where measure = 'men_and_boys'
),

men_explicit as (
    select
        'group_left_out:men_and_boys' as finding_id,
        'group_left_out' as kind,
        'men and boys' as subject,
        count(*) filter (where men_and_boys_explicit = 'yes')::INTEGER as value,
        any_value(out_of.n) as denominator,
        any_value(out_of.words) as denominator_words,
        format('{} {} {} described addressing men and boys as victims: {}{}.',
            count(*) filter (where men_and_boys_explicit = 'yes'), any_value(out_of.words),
            case when count(*) filter (where men_and_boys_explicit = 'yes') = 1 then 'is' else 'are' end,
            coalesce(string_agg(acronym, ', ' order by acronym) filter (where men_and_boys_explicit = 'yes'), 'none'),
            cite_note(any_value(men_sources.sources))) as statement,
        any_value(men_sources.sources) as sources
    from gender, out_of, men_sources
    having any_value(out_of.n_described) > 0
),

scope_counts as (
    select
        count(*) filter (where personal_scope <> 'unknown')::INTEGER as n_known,
        count(*) filter (where personal_scope = 'all persons')::INTEGER as n_all,
        count(*) filter (where personal_scope = 'all persons, especially women and children')::INTEGER as n_especially,
        count(*) filter (where personal_scope = 'women and children only')::INTEGER as n_only,
        coalesce(string_agg(acronym, ', ' order by acronym) filter (where personal_scope = 'women and children only'), 'none') as only_acronyms,
        (select coalesce(cites_sorted(flatten(list(sources))), no_cites()) from stg_main_instruments where personal_scope <> 'unknown') as sources
    from gender
),

instrument_scope as (
    select
        'personal_scope:women_and_children_only' as finding_id,
        'personal_scope' as kind,
        'main instruments limited to women and children' as subject,
        n_only as value,
        n_known as denominator,
        format('Of the {} mechanisms whose main instrument the registry records', n_known) as denominator_words,
        format('Of the {} mechanisms whose main instrument the registry records, {} {} limited to women and children ({}); {} {} all persons, especially women and children, and {} all persons ({}). This is what the instruments cover, not what the report describes the mechanisms doing.',
            n_known, n_only, case when n_only = 1 then 'is' else 'are' end, only_acronyms,
            n_especially, case when n_especially = 1 then 'covers' else 'cover' end, n_all, cite(sources)) as statement,
        sources
    from scope_counts
    -- the registry reads the instruments in A/HRC/14/32: without it in the corpus there is nothing to cite
    where len(sources) > 0
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
        any_value(out_of.n) as denominator,
        any_value(out_of.words) as denominator_words,
        format('Only {} {} {} described addressing any element of redress (remedies, information on proceedings, legal aid, compensation, confiscated assets for compensation): {}; {} of them address compensation{}.',
            count(*) filter (where addresses_redress), any_value(out_of.words),
            case when count(*) filter (where addresses_redress) = 1 then 'is' else 'are' end,
            coalesce(string_agg(acronym, ', ' order by acronym) filter (where addresses_redress), 'none'),
            count(*) filter (where compensation),
            cite_note(cites_sorted(flatten(list(sources))))) as statement,
        cites_sorted(flatten(list(sources))) as sources
    from redress, out_of
    having any_value(out_of.n_described) > 0
),

findings as (
    select * from few_mechanisms
    union all by name select * from lacking
    union all by name select * from thin_region
    union all by name select * from no_response
    union all by name select * from missing_data_collection
    union all by name select * from men_explicit
    union all by name select * from instrument_scope
    union all by name select * from redress_gap
),

final as (
    select
        finding_id, kind, subject, value, denominator, denominator_words, statement,
        para_nos(sources) as citations,
        sources,
        cite(sources) as cited
    from findings
)

select * from final
