{#- What is published of the national count form per insats and year: small counts blanked,
    women and men together, and across the insatser of a förbund and year
    (macros/published.sql). -#}
{{ published_with_suppression(ref('fct_count_form_insats_year'),
                              partition_by='forbund_org_nr, year', order_key='insats_key') }}
