{#- What is published of mart_benchmark_forbund_year (macros/benchmark.sql). -#}
{{ published_benchmark('forbund') }}
