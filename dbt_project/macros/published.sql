{#- Publication with complementary suppression. A count from 1 to min_publish_count - 1 is
    blanked, and so is every cell from which a blanked one could be worked out:
    - women and men: when one of the two is blanked, the other is too (the total minus one
      gives the other);
    - outcomes (one per avslutsanledning, adding up to participants_ended): when exactly one
      of a row is blanked, the smallest shown other one is blanked too (participants_ended
      minus the others would give it);
    - work or studies = work + studies: when one of work and studies is blanked, so is
      ended_work_or_studies, and with it the share to work or studies (share × ended);
    - across rows (`partition_by`, e.g. förbund and year for insatser whose sum is the
      förbund's figure): when exactly one row of a group has a column blanked, the smallest
      visible positive cell of another row is blanked too.
    The rules run three times, so that a cell blanked by one rule is covered by the others.
    Shares and averages are blanked when fewer than min_publish_count ended. -#}

{% macro _small(column) -%}
    ({{ column }} > 0 and {{ column }} < {{ var('min_publish_count') }})
{%- endmacro %}

{%- macro _count_columns(names) -%}
    {%- set found = [] -%}
    {%- for name in names if name.startswith(('participants_', 'ended_', 'anonymous_')) -%}
        {%- do found.append(name) -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro -%}

{#- Pairs of columns that add up to a third: women and men of each measure. -#}
{%- macro _sex_pairs(names) -%}
    {%- set pairs = [] -%}
    {%- for name in names if name.endswith('_women') -%}
        {%- set men = name[:-6] ~ '_men' -%}
        {%- if men in names -%}{%- do pairs.append([name, men]) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(pairs) }}
{%- endmacro -%}

{#- One round of the row rules over hidden flags h__<column> of `source`. What several
    rules of a row share is worked out once, beside the row: how many outcomes are blanked,
    the smallest shown outcome, and the smaller of work and studies. -#}
{%- macro _row_rules(source, counts, pairs, outcomes) -%}
    {%- set work_or_studies = 'ended_work_or_studies' in counts
                              and ('ended_work' in counts or 'ended_studies' in counts) -%}
    select
        shared.*
        {%- for column in counts %},
        case when h__{{ column }} = 1
            {%- for pair in pairs if column in pair %}
                or h__{{ pair[0] }} = 1 or h__{{ pair[1] }} = 1
            {%- endfor %}
            {%- if column in outcomes %}
                {#- one blanked outcome: the smallest shown other outcome goes too  #}
                or o__blanked = 1 and h__{{ column }} = 0 and {{ column }} > 0
                   and {{ column }} = o__smallest
            {%- endif %}
            {%- if column in ('ended_work', 'ended_studies') and work_or_studies %}
                {#- a blank work-or-studies with both parts shown: the smaller part goes  #}
                or h__ended_work_or_studies = 1 and h__ended_work = 0 and h__ended_studies = 0
                   and {{ column }} > 0 and {{ column }} = w__smaller
            {%- endif %}
            {%- if column == 'ended_work_or_studies' and 'ended_work' in outcomes %}
                {#- work or studies = work + studies: it goes when one of the two is blank  #}
                or h__ended_work + h__ended_studies = 1
            {%- endif %}
             then 1 else 0 end as r__{{ column }}
        {%- endfor %}
    from (
        select
            {{ source }}.*
            {%- if outcomes %},
            {% for other in outcomes %}h__{{ other }}{{ " + " if not loop.last }}{% endfor %}
                as o__blanked,
            least(
                {%- for other in outcomes %}
                case when h__{{ other }} = 0 and {{ other }} > 0 then {{ other }}
                     else 1000000000 end{{ "," if not loop.last }}
                {%- endfor %}) as o__smallest
            {%- endif %}
            {%- if work_or_studies %},
            least(case when ended_work > 0 then ended_work else 1000000000 end,
                  case when ended_studies > 0 then ended_studies else 1000000000 end)
                as w__smaller
            {%- endif %}
        from {{ source }}
    ) as shared
{%- endmacro -%}

{#- One round of the cross-row rule over flags r__<column>, giving h__<column>. Per group
    (`partition_by`: column names, separated by commas; a null is a group of its own): how
    many cells of a column are blanked and the smallest visible positive one, then the
    lowest order_key holding it (ties), each grouped once and joined back by the group's
    keys: windows over every column of the wide rows cost more. -#}
{%- macro _cross_rule(source, counts, names, partition_by, order_key) -%}
    {%- if partition_by %}
    {%- set keys = partition_by.split(',') | map('trim') | list -%}
    {%- set same_group -%}
        {% for key in keys %}cell.{{ key }} is not distinct from grp.{{ key }}{{ " and " if not loop.last }}{% endfor %}
    {%- endset %}
    with

    counted as (
        select
            {% for key in keys %}{{ key }},{% endfor %}
            {%- for column in counts %}
            sum(r__{{ column }}) as s__{{ column }},
            min(case when r__{{ column }} = 0 and {{ column }} > 0 then {{ column }} end)
                as m__{{ column }}{{ "," if not loop.last }}
            {%- endfor %}
        from {{ source }}
        group by {{ keys | join(', ') }}
    ),

    keyed as (
        select
            {% for key in keys %}grp.{{ key }},{% endfor %}
            {%- for column in counts %}
            min(case when cell.r__{{ column }} = 0 and cell.{{ column }} = grp.m__{{ column }}
                     then cell.{{ order_key }} end) as k__{{ column }}{{ "," if not loop.last }}
            {%- endfor %}
        from {{ source }} as cell
        inner join counted as grp on {{ same_group }}
        group by {% for key in keys %}grp.{{ key }}{{ ", " if not loop.last }}{% endfor %}
    )

    select
        {% for name in names %}cell.{{ name }}, {% endfor %}
        {%- for column in counts %}
        case when cell.r__{{ column }} = 1
              or (grp.s__{{ column }} = 1 and cell.r__{{ column }} = 0 and cell.{{ column }} > 0
                  and cell.{{ column }} = grp.m__{{ column }}
                  and cell.{{ order_key }} = kept.k__{{ column }})
             then 1 else 0 end as h__{{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ source }} as cell
    inner join counted as grp on {{ same_group }}
    inner join keyed as kept on {{ same_group | replace('grp.', 'kept.') }}
    {%- else %}
    select
        {% for name in names %}{{ name }}, {% endfor %}
        {%- for column in counts %}
        r__{{ column }} as h__{{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ source }}
    {%- endif %}
{%- endmacro -%}

{% macro published_with_suppression(relation, partition_by=none, order_key=none) %}
    {%- set names = (adapter.get_columns_in_relation(relation) if execute else [])
                    | map(attribute='name') | map('lower') | list -%}
    {%- set counts = _count_columns(names) -%}
    {%- set pairs = _sex_pairs(counts) -%}
    {#- the outcomes that add up to participants_ended, one per avslutsanledning code -#}
    {%- set outcomes = [] -%}
    {%- for code in outcome_codes() if ('ended_' ~ code) in counts -%}
        {%- do outcomes.append('ended_' ~ code) -%}
    {%- endfor -%}
with

round_0 as (

    select
        source.*
        {%- for column in counts %},
        case when {{ _small(column) }} then 1 else 0 end as h__{{ column }}
        {%- endfor %}
    from {{ relation }} as source

),

rows_1 as ({{ _row_rules('round_0', counts, pairs, outcomes) }}),

cross_1 as ({{ _cross_rule('rows_1', counts, names, partition_by, order_key) }}),

rows_2 as ({{ _row_rules('cross_1', counts, pairs, outcomes) }}),

cross_2 as ({{ _cross_rule('rows_2', counts, names, partition_by, order_key) }}),

rows_3 as ({{ _row_rules('cross_2', counts, pairs, outcomes) }}),

cross_3 as ({{ _cross_rule('rows_3', counts, names, partition_by, order_key) }}),

rows_4 as ({{ _row_rules('cross_3', counts, pairs, outcomes) }})

select
    {%- for name in names %}
    {%- if name in counts %}
    case when r__{{ name }} = 1 then null else {{ name }} end as {{ name }}
    {%- elif name.startswith('share_') %}
    case when participants_ended < {{ var('min_publish_count') }}
              or r__ended_work_or_studies = 1
         then null else {{ name }} end as {{ name }}
    {%- elif name.startswith('avg_') %}
    case when participants_ended < {{ var('min_publish_count') }} then null
         else {{ name }} end as {{ name }}
    {%- else %}
    {{ name }}
    {%- endif %}{{ "," if not loop.last }}
    {%- endfor %}
from rows_4
{% endmacro %}
