{#- Report ↔ register: every report figure with a register counterpart, compared with the
    register for the same förbund, insats, exact period and sex (macros/spell_periods.sql).
    The lines of an outcome breakdown are added up first; a figure stated twice with
    different values is compared once per value.

    Anonymous participants: SUS keeps only their start year and kön, so they can only be
    placed in whole calendar years. The register value never includes them; when a report's
    participants or new participants match only with them added, the figure is classified
    'match_with_anonymous' (the report counted them) rather than a mismatch. -#}

{%- set outcome_codes_all = outcome_codes() -%}

with

figures as (

    select * from {{ ref('int_report_figures_resolved') }}

),

spells as (

    select * from {{ ref('int_participations_enriched') }}

),

anonymous_counts as (

    select * from {{ ref('stg_register__anonymous_counts') }}

),

{%- set comparable_columns %}
        figure_key,
        {{ report_section_identity() }},
        metric,
        sex,
        count(*) as statements,
        min(quote) as quote,
        min(source_file) as source_file,
        min(origin) as origin
{%- endset %}

comparable as (

    {# The lines of an outcome breakdown add up ... #}
    select {{ comparable_columns }}, sum(value) as value
    from figures
    where metric like 'ended\_%' escape '\'
    group by figure_key, metric, sex

    union all

    {# ... other figures are compared once per value stated. #}
    select {{ comparable_columns }}, value
    from figures
    where metric not like 'ended\_%' escape '\'
        and metric not in ('places', 'goal_work_or_studies_pct')
    group by figure_key, metric, sex, value

),

register as (

    select
        comparable.figure_key,
        comparable.value,
        count(spells.participant_id) as spells_matched,
        count(distinct case when {{ spell_active_in('spells', 'comparable.period_start',
                                                    'comparable.period_end') }}
                            then spells.participant_id end) as participants,
        sum(case when {{ spell_started_in('spells', 'comparable.period_start',
                                          'comparable.period_end') }}
                 then 1 else 0 end) as participants_new,
        sum(case when {{ spell_ended_in('spells', 'comparable.period_start',
                                        'comparable.period_end') }}
                 then 1 else 0 end) as participants_ended,
        sum(case when {{ spell_ongoing_at('spells', 'comparable.period_end') }}
                 then 1 else 0 end) as participants_ongoing,
        {% for code in outcome_codes_all -%}
        sum(case when {{ spell_ended_in('spells', 'comparable.period_start',
                                        'comparable.period_end') }}
                      and spells.outcome_code = '{{ code }}' then 1 else 0 end) as ended_{{ code }},
        {% endfor -%}
        sum(case when {{ spell_ended_in('spells', 'comparable.period_start',
                                        'comparable.period_end') }}
                      and spells.counts_as_work_or_studies then 1 else 0 end)
            as ended_work_or_studies,
        avg(case when {{ spell_ended_in('spells', 'comparable.period_start',
                                        'comparable.period_end') }}
                 then spells.months_in_insats end) as avg_months_in_insats
    from comparable
    left join spells
        on spells.insats_key = comparable.insats_key
        and (comparable.sex = 'all' or spells.sex = comparable.sex)
    group by comparable.figure_key, comparable.value

),

anonymous as (

    {#- Only for periods of whole calendar years. -#}
    select
        comparable.figure_key,
        comparable.value,
        sum(anonymous_counts.anonymous_count) as anonymous_participants
    from comparable
    inner join anonymous_counts
        on anonymous_counts.insats_key = comparable.insats_key
        and anonymous_counts.start_year between extract(year from comparable.period_start)
                                            and extract(year from comparable.period_end)
        and (comparable.sex = 'all'
             or (comparable.sex = 'women' and anonymous_counts.kon = 'Kvinna')
             or (comparable.sex = 'men' and anonymous_counts.kon = 'Man'))
    where comparable.metric in ('participants', 'participants_new')
        and extract(month from comparable.period_start) = 1
        and extract(day from comparable.period_start) = 1
        and extract(month from comparable.period_end) = 12
        and extract(day from comparable.period_end) = 31
    group by comparable.figure_key, comparable.value

),

compared as (

    select
        comparable.*,
        register.spells_matched,
        case comparable.metric
            when 'participants' then register.participants
            when 'participants_new' then register.participants_new
            when 'participants_ended' then register.participants_ended
            when 'participants_ongoing' then register.participants_ongoing
            {% for code in outcome_codes_all -%}
            when 'ended_{{ code }}' then register.ended_{{ code }}
            {% endfor -%}
            when 'ended_work_or_studies' then register.ended_work_or_studies
            when 'share_work_or_studies_pct' then
                round(100.0 * register.ended_work_or_studies
                      / nullif(register.participants_ended, 0), 1)
            when 'avg_months_in_insats' then round(register.avg_months_in_insats, 1)
        end as register_value,
        coalesce(anonymous.anonymous_participants, 0) as anonymous_participants
    from comparable
    inner join register
        on comparable.figure_key = register.figure_key
        and comparable.value = register.value
    left join anonymous
        on comparable.figure_key = anonymous.figure_key
        and comparable.value = anonymous.value

),

classified as (

    select
        compared.*,
        case
            when insats_key is null or spells_matched = 0 or register_value is null
                then 'no_register_data'
            when value = register_value then 'match'
            when abs(value - register_value) <= case
                    when {{ var('reconciliation_rel_tolerance') }} * abs(value)
                         > {{ var('reconciliation_abs_tolerance') }}
                    then {{ var('reconciliation_rel_tolerance') }} * abs(value)
                    else {{ var('reconciliation_abs_tolerance') }} end
                then 'within_tolerance'
            when anonymous_participants > 0
                 and value = register_value + anonymous_participants
                then 'match_with_anonymous'
            else 'mismatch'
        end as classification
    from compared

),

final as (

    select
        '{{ invocation_id }}' as dbt_invocation_id,
        -- what the report says
        forbund_org_nr,
        insats_key,
        forbund_name_reported,
        insats_name_reported,
        period_start,
        period_end,
        metric,
        sex,
        cast(value as {{ dbt.type_float() }}) as report_value,
        statements,
        -- what the register says (nothing when it has no data for the insats)
        case when classification <> 'no_register_data'
            then cast(register_value as {{ dbt.type_float() }}) end as register_value,
        anonymous_participants,
        case when classification <> 'no_register_data'
            then cast(value - register_value as {{ dbt.type_float() }}) end as difference,
        classification,
        -- provenance
        origin,
        quote,
        source_file,
        figure_key
    from classified

)

select * from final
