"""A suite reads only the columns its expectations name (a register has millions of rows)."""

from pipelines.quality.suites import Suite, load_suites


def test_the_columns_each_expectation_names_in_order_without_repeats():
    suite = Suite("s", "", "t", "register", [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "birth_year"}},
        {"type": "expect_column_pair_values_a_to_be_greater_than_b",
         "kwargs": {"column_A": "participants", "column_B": "birth_year"}},
        {"type": "expect_compound_columns_to_be_unique",
         "kwargs": {"column_list": ["insats_id", "year"]}}])
    assert suite.columns() == ["birth_year", "participants", "insats_id", "year"]


def test_a_table_level_expectation_reads_the_whole_table():
    suite = Suite("s", "", "t", "register", [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "birth_year"}},
        {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}])
    assert suite.columns() is None


def test_an_expectation_on_some_rows_reads_the_whole_table():
    suite = Suite("s", "", "t", "reports", [
        {"type": "expect_column_values_to_be_between",
         "kwargs": {"column": "value", "max_value": 100,
                    "row_condition": 'metric=="share_work_or_studies_pct"',
                    "condition_parser": "pandas"}}])
    assert suite.columns() is None


def test_every_suite_in_the_project_names_its_columns():
    for suite in load_suites():
        columns = suite.columns()
        assert columns is None or all(isinstance(c, str) and c for c in columns), suite.name
