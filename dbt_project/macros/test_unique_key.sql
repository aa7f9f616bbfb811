{#- A model's key and its always-filled columns in one test: no two rows share the values of
    `column_names` (a missing value counts as a value, so two rows alike but for both lacking
    one repeat too), and each of `not_null` holds a value in every row. One query and one dbt
    node instead of a unique and a not_null test (each node costs dbt tens of milliseconds
    whatever the data). A failing row names the check, its columns and how many rows fail:
    'repeated key' with the rows that share a key, or 'missing value' per column.

    Grouping on the columns, not on one string made of them, keeps a key's types (a date
    or a number is compared as itself) and costs no string per row. -#}
{% test unique_key(model, column_names, not_null=[]) %}
    {%- set key = column_names | join(', ') %}
    select 'repeated key' as problem, '{{ key }}' as column_names, sum(failing_rows) as failing_rows
    from (
        select count(*) as failing_rows
        from {{ model }}
        group by {{ key }}
        having count(*) > 1
    ) as repeated
    having count(*) > 0
    {%- if not_null %}
    union all
    {{ missing_values(model, not_null) }}
    {%- endif %}
{% endtest %}
