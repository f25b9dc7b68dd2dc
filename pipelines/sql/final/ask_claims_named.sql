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

-- the words of each sentence: ask_claims names it by number, its text is stored once in claims
sentences as (
    select doc_id, para_no, sentence_no, mechanism_id, min(sentence) as sentence
    from claims
    semi join ask_claims using (doc_id, para_no, sentence_no, mechanism_id)
    group by doc_id, para_no, sentence_no, mechanism_id
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
        sentences.sentence,
        ask_claims.cue
    from ask_claims
    left join asks on asks.ask_id = ask_claims.ask_id
    left join documents on documents.doc_id = ask_claims.doc_id
    left join mechanisms on mechanisms.mechanism_id = ask_claims.mechanism_id
    left join sentences
        on sentences.doc_id = ask_claims.doc_id and sentences.para_no = ask_claims.para_no
        and sentences.sentence_no = ask_claims.sentence_no and sentences.mechanism_id = ask_claims.mechanism_id
)

select * from final
