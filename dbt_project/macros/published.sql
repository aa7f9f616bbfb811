{#- Select every column of a mart for publication, blanking small counts:
    counts (participants_*, ended_*, anonymous_*) from 1 to min_publish_count - 1 become
    null, and shares and averages are blanked when fewer than min_publish_count ended. -#}
{% macro published_columns(relation) %}
    {%- set columns = adapter.get_columns_in_relation(relation) if execute else [] -%}
    {%- for column in columns %}
        {%- set name = column.name | lower %}
        {%- if name.startswith(('participants_', 'ended_', 'anonymous_')) %}
        {{ suppress_small(name) }} as {{ name }}
        {%- elif name.startswith(('share_', 'avg_')) %}
        case when participants_ended < {{ var('min_publish_count') }} then null
             else {{ name }} end as {{ name }}
        {%- else %}
        {{ name }}
        {%- endif %}{{ "," if not loop.last }}
    {%- endfor %}
{% endmacro %}
