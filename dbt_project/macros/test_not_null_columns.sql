{#- Every listed column of a model holds a value in every row: one test, one query and one
    dbt node per model instead of a not_null test per column (each node costs dbt tens of
    milliseconds whatever the data). A failing row names its column and how many rows lack
    a value there. -#}
{% test not_null_columns(model, column_names) %}
    {%- for column_name in column_names %}
    select '{{ column_name }}' as column_name, count(*) as rows_without_value
    from {{ model }}
    where {{ column_name }} is null
    having count(*) > 0
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{% endtest %}
