{#- What is published per insats and year: fct_insats_year with small counts blanked. -#}
select
    {{ published_columns(ref('fct_insats_year')) }}
from {{ ref('fct_insats_year') }}
