{#- What is published of mart_benchmark_insats_year (macros/benchmark.sql). -#}
{{ published_benchmark('insats') }}
