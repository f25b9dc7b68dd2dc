-- ask_claims with names beside the ids, for spreadsheets: the recommendation and the words
-- of its ask, the mechanism's acronym and name, the document's symbol and the citation.
with ask_claims as (
    select * from ask_claims
),

asks as (
    select * from recommendation_asks
),

documents as (
    select * from documents
),

mechanisms as (
    select * from mechanisms
),

final as (
    select
        ask_claims.doc_id,
        documents.symbol,
        asks.recommendation_id,
        ask_claims.ask_id,
        asks.ask_text,
        asks.addressee,
        ask_claims.mechanism_id,
        mechanisms.acronym,
        mechanisms.name as mechanism_name,
        mechanisms.region as mechanism_region,
        ask_claims.para_no,
        documents.symbol || ', para. ' || ask_claims.para_no as citation,
        ask_claims.sentence,
        ask_claims.cue
    from ask_claims
    left join asks on asks.ask_id = ask_claims.ask_id
    left join documents on documents.doc_id = ask_claims.doc_id
    left join mechanisms on mechanisms.mechanism_id = ask_claims.mechanism_id
)

select * from final
