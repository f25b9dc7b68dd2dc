-- The reference instrument of each mechanism (is_main), one row per mechanism that has one.
with instruments as (
    select * from instruments
),

final as (
    select
        mechanism_id,
        instrument_id,
        name as instrument_name,
        kind as instrument_kind,
        year,
        legally_binding,
        personal_scope,
        paragraphs,
        registry_cites(paragraphs) as sources
    from instruments
    where is_main
)

select * from final
