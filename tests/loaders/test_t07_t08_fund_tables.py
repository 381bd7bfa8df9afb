def test_empty_fund_tables_load_as_blank(sample):
    for key, width in (("T07", 6), ("T08", 3)):
        table = sample.tables[key]
        assert table.no_data
        assert [r.row_key for r in table.rows] == ["total"]
        assert len(table.cells) == width
        assert all(c.state == "blank" for c in table.cells)
        assert table.issues == []
