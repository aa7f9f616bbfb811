{#- Report figures with register keys, where a curated row replaces every extracted row
    with the same key (förbund, insats, period, metric, sex) and a rejected key is dropped;
    each with the confidence of the rule that found it (seeds/report_rule_confidence.csv). -#}

with

figures as (

    select * from {{ ref('stg_reports__figures') }}

),

names as (

    select * from {{ ref('int_report_names_matched') }}

),

confidence as (

    select * from {{ ref('report_rule_confidence') }}

),

sectioned as (

    select
        figures.*,
        names.forbund_org_nr,
        names.insats_key,
        names.forbund_match,
        names.insats_match,
        {{ dbt.concat([
            "coalesce(names.forbund_org_nr, " ~ normalise_name('figures.forbund_name_reported') ~ ")",
            "'|'",
            "coalesce(names.insats_key, " ~ normalise_name('figures.insats_name_reported') ~ ")",
            "'|'", "cast(figures.period_start as " ~ dbt.type_string() ~ ")",
            "'|'", "cast(figures.period_end as " ~ dbt.type_string() ~ ")"]) }} as section_key
    from figures
    inner join names
        on figures.forbund_name_reported = names.forbund_name_reported
        and figures.insats_name_reported = names.insats_name_reported

),

keyed as (

    select
        sectioned.*,
        {{ dbt.concat(["section_key", "'|'", "metric", "'|'", "sex"]) }} as figure_key,
        {{ dbt.hash(dbt.concat([
            "coalesce(source_file, '')", "'|'",
            "coalesce(cast(char_start as " ~ dbt.type_string() ~ "), '')", "'|'",
            "coalesce(rule, '')", "'|'", "metric", "'|'", "sex", "'|'",
            "cast(value as " ~ dbt.type_string() ~ ")"])) }} as report_figure_id
    from sectioned

),

curated_keys as (

    select distinct figure_key from keyed where origin = 'curated'

),

rejected_keys as (

    select distinct figure_key from keyed where decision = 'reject'

),

final as (

    select
        keyed.*,
        case when keyed.origin = 'curated' then 1.0
             else coalesce(exact.confidence, by_prefix.confidence, 0.5)
        end as confidence
    from keyed
    left join confidence as exact
        on keyed.rule = exact.rule
    left join confidence as by_prefix
        on {{ dbt.split_part('keyed.rule', "':'", 1) }} = by_prefix.rule
    where (keyed.origin = 'curated'
           or keyed.figure_key not in (select figure_key from curated_keys))
        and keyed.figure_key not in (select figure_key from rejected_keys)

)

select * from final
