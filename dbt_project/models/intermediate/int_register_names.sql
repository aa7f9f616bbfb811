{#- The one naming rule for förbund and insatser: the name in the most recent export.
    Person-level exports name before anonymous-count files and the national count form
    (then cost files); within them the later export
    date, then the later row, then the name in alphabetical order. A förbund's name is
    decided over all its rows, so every mart shows one name per förbund after a rename. -#}
{{ config(**forbund_incremental()) }}

with

participations as (

    select * from {{ ref('stg_register__participations') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

anonymous_counts as (

    select * from {{ ref('stg_register__anonymous_counts') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

count_form as (

    select * from {{ ref('stg_register__count_form') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

insats_costs as (

    select * from {{ ref('stg_costs__insats') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

files as (

    select * from {{ ref('stg_register__files') }}

),

named as (

    select forbund_org_nr, forbund_name, insats_key, insats_id, insats_name, source_file,
           0 as source_rank, coalesce(end_date, start_date) as seen_on
    from participations
    union all
    select forbund_org_nr, forbund_name, insats_key, insats_id, insats_name, source_file,
           1 as source_rank, cast(null as date) as seen_on
    from anonymous_counts
    union all
    select forbund_org_nr, forbund_name, insats_key, insats_id, insats_name, source_file,
           2 as source_rank, cast(null as date) as seen_on
    from count_form
    union all
    select forbund_org_nr, forbund_name, insats_key, insats_id, insats_name, source_file,
           3 as source_rank, cast(null as date) as seen_on
    from insats_costs

),

ranked as (

    select
        named.*,
        row_number() over (
            partition by named.insats_key
            order by named.source_rank, files.export_date desc nulls last,
                     named.seen_on desc nulls last, named.insats_name
        ) as insats_recency,
        row_number() over (
            partition by named.forbund_org_nr
            order by named.source_rank, files.export_date desc nulls last,
                     named.seen_on desc nulls last, named.forbund_name
        ) as forbund_recency
    from named
    left join files
        on named.source_file = files.source_file

),

forbund_names as (

    select forbund_org_nr, forbund_name
    from ranked
    where forbund_recency = 1

),

final as (

    select
        -- ids
        ranked.insats_key,
        ranked.forbund_org_nr,
        ranked.insats_id,

        -- names
        forbund_names.forbund_name,
        ranked.insats_name

    from ranked
    inner join forbund_names
        on ranked.forbund_org_nr = forbund_names.forbund_org_nr
    where ranked.insats_recency = 1

)

select * from final
