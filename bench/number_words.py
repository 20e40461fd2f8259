"""presslens's number reader (core/numbers.py) against text2num on number phrases written for this check.

Each case is a phrase as it appears in news and the value a reader means. Needs ``pip install text2num``.
Run: ``python bench/number_words.py``.
"""

from __future__ import annotations

from presslens.core.numbers import parse_number

CASES = [
    ("twenty-five", 25), ("one hundred and forty two", 142), ("three thousand", 3000), ("2.3 million", 2.3e6),
    ("1,500", 1500), ("a dozen", 12), ("two dozen", 24), ("half a million", 5e5), ("5 1/2", 5.5),
    ("seven", 7), ("eleven", 11), ("ninety-nine", 99), ("four million", 4e6), ("1.2bn", 1.2e9),
    ("a hundred", 100), ("a thousand", 1000), ("three and a half", 3.5), ("12", 12), ("forty", 40),
    ("two hundred thousand", 2e5), ("a couple", 2), ("sixty-three", 63), ("1 million", 1e6),
    ("nineteen", 19), ("a quarter", 0.25), ("300,000", 3e5), ("five hundred", 500), ("ten thousand", 1e4),
    ("2 billion", 2e9), ("thirty-one", 31),
]


def text2num_value(phrase: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        return None


def main() -> None:
    ours = sum(parse_number(p) == v for p, v in CASES)
    theirs = sum(text2num_value(p) == v for p, v in CASES)
    print(f"{len(CASES)} phrases: presslens {ours}/{len(CASES)}, text2num {theirs}/{len(CASES)}")
    for phrase, value in CASES:
        a, b = parse_number(phrase), text2num_value(phrase)
        if a != value or b != value:
            print(f"  {phrase!r}: want {value}, presslens {a}, text2num {b}")


if __name__ == "__main__":
    main()
