"""Whole rewrites pinned word for word: English in, the exact ACE out (no issue raised).

One table, one test: the cases of the phrasing files (motion and geometry, facts inside
questions, constructions) under a heading each, so a case is added as a row, not as another
copy of the test. Sentences written for these tests, not taken from the suites.
"""

from __future__ import annotations

import pytest
from case_tables import grouped
from rewrite_checks import assert_rewrites_exactly

WHOLE_REWRITES = grouped({
    "motion and geometry: leaning and steady speed": [
        ("The bottom of a plank is 5 feet from a house. The plank is 13 feet long. How high up the house does the plank reach?",
         "The base of a plank is 5 feet from a house. The plank has a length of 13 feet. The plank leans against the house. What is the height of the plank on the house?"),
        ("For 3 hours a van keeps a steady 50 miles per hour. Find the distance it covers.",
         "A van travels at a speed of 50 miles per hour. The van travels for 3 hours. How many miles does the van travel?"),
    ],
    "motion and geometry: a speed stated as an attribute or a bare rate": [
        ("A taxi's speed is 50 km/h. How many kilometers does it travel in 2 hours?",
         "A taxi travels at a speed of 50 kilometers per hour. The taxi travels for 2 hours. How many kilometers does the taxi travel?"),
        ("Ann walks 4 miles per hour. How long does it take her to walk 10 miles?",
         "Ann travels at a speed of 4 miles per hour. Ann travels 10 miles. How many hours does Ann travel?"),
    ],
    "motion and geometry: more phrasings": [
        ("A plank 12 feet long is placed against a fence so that its foot is 5 feet from the fence. How far up the fence does it reach?",
         "A plank has a length of 12 feet. The plank leans against a fence. The base of the plank is 5 feet from the fence. What is the height of the plank on the fence?"),
        ("What is the volume of a crate 6 m long, 2 m wide and 3 m high?",
         "A box has a length of 6 meters and a width of 2 meters and a height of 3 meters. What is the volume of the box?"),
        ("A tram covers 45 kilometers in 3 hours. Find its speed in kilometers per hour.",
         "A tram travels 45 kilometers in 3 hours. What is the speed of the tram?"),
    ],
    "motion and geometry: trips and legs": [
        ("A ferry makes a trip of 60 km in 2 hours. What is the average speed for the trip?",
         "A ferry travels 60 kilometers in 2 hours. What is the speed of the ferry?"),
        ("A van drives 100 miles in 2 hours and then 50 miles in 1 hour. How many miles does the van travel?",
         "A van travels 100 miles in 2 hours. The van travels 50 miles in 1 hour. How many miles does the van travel?"),
    ],
    "motion and geometry: how long with an action asks a duration": [
        ("How much time does a runner need to run 10 km at 8 km/h?",
         "A runner travels at a speed of 8 kilometers per hour. The runner travels 10 kilometers. How many hours does the runner travel?"),
        ("A song has a duration of 4 minutes. How long does the song last?",
         "A song has a duration of 4 minutes. How many minutes does the song last?"),
        ("Given that a crate is 2 m long, 3 m wide and 1 m high, find its volume.",
         "A box has a length of 2 meters and a width of 3 meters and a height of 1 meter. What is the volume of the box?"),
    ],
    "motion and geometry: question variants": [
        ("A tram travels 30 km in 2 hours. At what speed does it travel?", "A tram travels 30 kilometers in 2 hours. What is the speed of the tram?"),
        ("A van travels at 40 km/h for 2 hours. Calculate the distance travelled.",
         "A van travels at a speed of 40 kilometers per hour. The van travels for 2 hours. How many kilometers does the van travel?"),
        ("A pole is 5 m long. Its foot is 3 m from a fence. To what height on the fence does it reach?",
         "A pole has a length of 5 meters. The base of the pole is 3 meters from a fence. What is the height of the pole on the fence?"),
    ],
    "facts inside questions: measures asked in another unit": [
        ("How many centimeters does a ribbon of 3 meters measure?",
         "A ribbon has a length of 3 meters. 1 meter is 100 centimeters. How many centimeters does the ribbon measure?"),
        ("A hedge is 4 yards tall. How many feet tall is the hedge?",
         "A hedge has a height of 4 yards. 1 yard is 3 feet. How many feet does the hedge measure?"),
        ("What is the speed of a helicopter that flies 90 kilometers in 2 hours?",
         "A helicopter travels 90 kilometers in 2 hours. What is the speed of the helicopter?"),
    ],
    "facts inside questions: given measures and hints inside questions": [
        ("How many hours does a van need to travel 150 km at 50 km/h?",
         "A van travels at a speed of 50 kilometers per hour. The van travels 150 kilometers. How many hours does the van travel?"),
        ("What is the speed of a tram that travels 60 km in 3 hours, in km/h?",
         "A tram travels 60 kilometers in 3 hours. What is the speed of the tram?"),
        ("Ann has 9 pears. She gives 4 of them to her sister. How many pears does she have left?",
         "Ann has 9 pears. Ann gives 4 pears to the sister of Ann. How many pears does Ann have?"),
    ],
    "constructions: stories, prices and measures": [
        ("Sam had 4 stamps. Then Ivy gave Sam 3 stamps. How many stamps does Sam have?",
         "Sam has 4 stamps. Ivy gives 3 stamps to Sam. How many stamps does Sam have?"),
        ("What do 9 pens cost when 3 of them cost $6?", "3 pens cost 6 dollars. How many dollars do 9 pens cost?"),
        ("How many hours does a voyage of 3 days last?", "A voyage has a duration of 3 days. 1 day is 24 hours. How many hours does the voyage last?"),
        ("How many square feet does a mat of 288 sq in cover?",
         "A mat has an area of 288 square inches. 1 square foot is 144 square inches. How many square feet does the mat cover?"),
    ],
    "constructions: a count a day is a rate, in a time without an object a duration": [
        ("Ivy reads 3 books a week. How many books does she read in 4 weeks?",
         "Ivy reads 3 books per week. Ivy reads for 4 weeks. How many books does Ivy read?"),
        ("A machine prints 40 pages each minute. How many pages does it print in 3 minutes?",
         "A machine prints 40 pages per minute. The machine prints for 3 minutes. How many pages does the machine print?"),
    ],
})


@pytest.mark.parametrize(("text", "expected"), WHOLE_REWRITES)
def test_whole_rewrites(text: str, expected: str) -> None:
    assert_rewrites_exactly(text, expected)
