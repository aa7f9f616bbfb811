{#- A report figure's sex code: 'all', or a sex of seeds/kon.csv (the one list of sexes). -#}
{% test is_report_sex(model, column_name) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} is not null
        and {{ column_name }} <> 'all'
        and {{ column_name }} not in (select sex from {{ ref('kon') }})
{% endtest %}
