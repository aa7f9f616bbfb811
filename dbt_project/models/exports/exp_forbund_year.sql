{#- What is published per förbund and year: fct_forbund_year with small counts blanked. -#}
select
    {{ published_columns(ref('fct_forbund_year')) }}
from {{ ref('fct_forbund_year') }}
