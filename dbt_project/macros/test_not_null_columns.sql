{#- Every listed column of a model holds a value in every row: one test, one query and one
    dbt node per model instead of a not_null test per column (each node costs dbt tens of
    milliseconds whatever the data). A failing row names its column and how many rows lack
    a value there. -#}
{% test not_null_columns(model, column_names) %}
    {{ missing_values(model, column_names) }}
{% endtest %}

{#- One row per listed column with rows lacking a value: 'missing value', the column, how
    many rows (the null check of not_null_columns and unique_key). -#}
{% macro missing_values(model, column_names) %}
    {%- for column_name in column_names %}
    select 'missing value' as problem, '{{ column_name }}' as column_names,
           count(*) as failing_rows
    from {{ model }}
    where {{ column_name }} is null
    having count(*) > 0
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{% endmacro %}
