from directory.listing import collation_key, initial


def test_finnish_alphabetical_order_puts_a_ring_a_umlaut_o_umlaut_after_z():
    names = ["Öljymäki", "Zeta", "Ämmä", "Åland", "aalto", "Émile", "Vesa", "wilma", "1. kerho"]
    ordered = sorted(names, key=collation_key)
    assert ordered == [
        "1. kerho",
        "aalto",
        "Émile",
        "Vesa",
        "wilma",
        "Zeta",
        "Åland",
        "Ämmä",
        "Öljymäki",
    ]
    assert [initial(name) for name in ordered] == ["#", "A", "E", "V", "W", "Z", "Å", "Ä", "Ö"]
