{#- What is published of the report figures: all of them (they are already public in the
    reports), with register names where matched. -#}
select
    forbund_org_nr,
    forbund_name,
    insats_key,
    insats_name,
    period_start,
    period_end,
    year,
    metric,
    sex,
    value,
    origin,
    quote,
    source_file
from {{ ref('fct_report_figures') }}
