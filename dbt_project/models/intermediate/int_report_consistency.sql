{#- Report-internal consistency: every applicable rule for every report section and period,
    passed or not. Values stated twice with different values are compared as stated; the
    lines of an outcome breakdown add up. -#}

with

figures as (

    select * from {{ ref('int_report_figures_resolved') }}

),

metrics as (

    select metric, kind from {{ ref('report_metrics') }}

),

stats as (

    select
        figures.section_key,
        figures.metric,
        figures.sex,
        min(metrics.kind) as kind,
        {{ report_section_identity() }},
        min(value) as value,
        max(value) as value_max,
        sum(value) as value_sum,
        count(*) as statements,
        count(distinct value) as distinct_values,
        min(quote) as quote
    from figures
    left join metrics
        on figures.metric = metrics.metric
    group by figures.section_key, figures.metric, figures.sex

),

sections as (

    select
        section_key,
        {{ report_section_identity() }},
        {#- the metrics the rules below name (outcomes are those of kind 'outcome'): a count
            stated twice is compared as its lowest value (stated_once flags it), the lines of
            an outcome breakdown are added up -#}
        {% for metric, measure in [('participants', 'value'), ('participants_new', 'value'),
                                   ('participants_ended', 'value'),
                                   ('participants_ongoing', 'value'),
                                   ('share_work_or_studies_pct', 'value'),
                                   ('ended_work', 'value_sum'), ('ended_studies', 'value_sum'),
                                   ('ended_work_or_studies', 'value_sum')] -%}
        max(case when metric = '{{ metric }}' and sex = 'all' then {{ measure }} end)
            as {{ metric }}_all,
        max(case when metric = '{{ metric }}' and sex = 'all' then quote end)
            as {{ metric }}_all_quote,
        {% endfor -%}
        sum(case when kind = 'outcome' and sex = 'all' then value_sum end) as outcomes_all,
        count(distinct case when kind = 'outcome' and sex = 'all' then metric end)
            as outcome_categories,
        max(case when kind = 'outcome' and sex = 'all' then quote end) as outcomes_quote
    from stats
    group by section_key

),

rules as (

    {#- every count metric (seeds/report_metrics.csv kind 'count') stated by sex -#}
    select
        section_key, 'women_plus_men_equals_all' as rule, metric,
        'women + men' as left_side,
        sum(case when sex <> 'all' then value end) as left_value,
        'all' as right_side, max(case when sex = 'all' then value end) as right_value,
        sum(case when sex <> 'all' then value end)
            = max(case when sex = 'all' then value end) as passed,
        max(case when sex = 'all' then quote end) as left_quote,
        max(case when sex = 'women' then quote end) as right_quote
    from stats
    where kind = 'count'
    group by section_key, metric
    having count(case when sex = 'all' then 1 end) = 1
        and count(case when sex = 'women' then 1 end) = 1
        and count(case when sex = 'men' then 1 end) = 1
    union all

    {% for metric in ['participants_new', 'participants_ended'] %}
    select
        section_key, '{{ metric }}_not_above_participants' as rule, '{{ metric }}' as metric,
        '{{ metric }}' as left_side, {{ metric }}_all as left_value,
        'participants' as right_side, participants_all as right_value,
        {{ metric }}_all <= participants_all as passed,
        {{ metric }}_all_quote as left_quote, participants_all_quote as right_quote
    from sections
    where {{ metric }}_all is not null and participants_all is not null
    union all
    {% endfor %}

    select
        section_key, 'ongoing_plus_ended_equals_participants' as rule,
        'participants' as metric,
        'ongoing + ended' as left_side,
        participants_ongoing_all + participants_ended_all as left_value,
        'participants' as right_side, participants_all as right_value,
        participants_ongoing_all + participants_ended_all = participants_all as passed,
        participants_ongoing_all_quote as left_quote, participants_all_quote as right_quote
    from sections
    where participants_ongoing_all is not null and participants_ended_all is not null
        and participants_all is not null

    union all

    select
        section_key, 'outcomes_not_above_ended' as rule, 'participants_ended' as metric,
        'sum of outcomes' as left_side, outcomes_all as left_value,
        'ended' as right_side, participants_ended_all as right_value,
        outcomes_all <= participants_ended_all as passed,
        outcomes_quote as left_quote, participants_ended_all_quote as right_quote
    from sections
    where outcomes_all is not null and participants_ended_all is not null

    union all

    {# Three or more outcome categories read as the full breakdown of the ended. #}
    select
        section_key, 'outcomes_equal_ended' as rule, 'participants_ended' as metric,
        'sum of outcomes' as left_side, outcomes_all as left_value,
        'ended' as right_side, participants_ended_all as right_value,
        outcomes_all = participants_ended_all as passed,
        outcomes_quote as left_quote, participants_ended_all_quote as right_quote
    from sections
    where outcomes_all is not null and participants_ended_all is not null
        and outcome_categories >= 3

    union all

    select
        section_key, 'share_matches_counts' as rule, 'share_work_or_studies_pct' as metric,
        'stated share' as left_side, share_work_or_studies_pct_all as left_value,
        '100 × (work + studies) / ended' as right_side,
        round(100.0 * (coalesce(ended_work_all, 0) + coalesce(ended_studies_all, 0)
                       + coalesce(ended_work_or_studies_all, 0)) / participants_ended_all, 1)
            as right_value,
        abs(share_work_or_studies_pct_all - 100.0 * (coalesce(ended_work_all, 0)
            + coalesce(ended_studies_all, 0) + coalesce(ended_work_or_studies_all, 0))
            / participants_ended_all) <= 1.0 as passed,
        share_work_or_studies_pct_all_quote as left_quote,
        participants_ended_all_quote as right_quote
    from sections
    where share_work_or_studies_pct_all is not null and participants_ended_all > 0
        and coalesce(ended_work_all, ended_studies_all, ended_work_or_studies_all) is not null

    union all

    select
        section_key, 'stated_once' as rule, metric,
        'lowest value stated' as left_side, value as left_value,
        'highest value stated' as right_side, value_max as right_value,
        distinct_values = 1 as passed,
        quote as left_quote, quote as right_quote
    from stats
    where statements > 1 and coalesce(kind, 'unknown') <> 'outcome'

),

final as (

    select
        '{{ invocation_id }}' as dbt_invocation_id,
        sections.forbund_name_reported,
        sections.insats_name_reported,
        sections.forbund_org_nr,
        sections.insats_key,
        sections.period_start,
        sections.period_end,
        rules.rule,
        rules.metric,
        rules.left_side,
        cast(rules.left_value as {{ dbt.type_float() }}) as left_value,
        rules.right_side,
        cast(rules.right_value as {{ dbt.type_float() }}) as right_value,
        rules.passed,
        'WARN' as severity,
        rules.left_quote,
        rules.right_quote,
        rules.section_key
    from rules
    inner join sections
        on rules.section_key = sections.section_key

)

select * from final
