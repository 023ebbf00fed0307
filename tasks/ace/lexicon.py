"""The content-word lexicon of ladder's ACE fragment: nouns, verbs, adjectives, prepositions, units.

ACE works with a closed lexicon plus prefixed unknown words (`n:widget`); ladder does the same.
Word lists hold base forms only; inflected forms (plurals, third-person singular) are derived by
the English spelling rules below, with the irregular forms listed beside them. Every surface form
maps to one `Entry` per word class, carrying the lemma that the semantic graph uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class WordClass(StrEnum):
    """Content-word classes; each is one terminal of grammar.lark."""

    NOUN = "NOUN"
    VERB = "VERB"
    ADJ = "ADJ"
    ADV = "ADV"
    PREP = "PREP"


@dataclass(frozen=True, slots=True)
class Entry:
    """One reading of a surface form: its class, lemma and grammatical number/form."""

    word_class: WordClass
    lemma: str
    number: str = "sg"  # nouns: "sg", "pl" or "both" (sheep, percent); verbs: "3sg" or "base"


def _words(text: str) -> list[str]:
    """A whitespace-separated word list (keeps the lists below easy to read and edit)."""
    return text.split()


# --- units -------------------------------------------------------------------------------
# Canonical unit lemmas (American spelling); each is also an ordinary noun of the lexicon.
UNITS = _words("""
foot inch yard mile meter centimeter millimeter kilometer
gram kilogram milligram pound ounce ton tonne
liter milliliter gallon quart pint
second minute hour day week month year decade century
dollar cent euro penny nickel dime quarter rupee yen
percent degree radian
acre hectare watt kilowatt volt ampere joule calorie byte kilobyte megabyte gigabyte
""")

# British spellings and abbreviations that name the same unit lemma.
UNIT_SPELLINGS = {"metre": "meter", "centimetre": "centimeter", "millimetre": "millimeter",
                  "kilometre": "kilometer", "litre": "liter", "millilitre": "milliliter"}

# `square meter` -> "meter^2", `cubic foot` -> "foot^3" (merged into one token by tokens.py).
UNIT_POWERS = {"square": 2, "cubic": 3}

# --- nouns -------------------------------------------------------------------------------
NOUNS = _words("""
number value sum difference product quotient total amount quantity average mean median mode
ratio rate fraction percentage share part half third quarter whole remainder result answer
digit integer multiple factor divisor square cube root power exponent
length width height depth breadth thickness distance perimeter area volume surface side edge
base top bottom diameter radius circumference angle corner center middle end start
speed velocity acceleration time duration age weight mass size capacity temperature pressure
price cost fee tax tip discount profit loss income salary wage budget debt interest loan
balance savings bill change account deposit payment rent charge fare
circle triangle rectangle polygon hexagon pentagon cylinder sphere cone prism pyramid
line segment point ray vertex hypotenuse leg slope axis grid graph chart table
ladder wall floor ceiling roof window door room house building tower pole flagpole tree
shadow fence garden field farm yard park lawn pool tank pond lake river road street
bridge path track trail hill mountain ground station city town village country
car train bus truck bike bicycle boat ship plane airplane taxi van vehicle wheel tire engine
trip journey race lap route
man woman boy girl child person student teacher worker farmer driver pilot player team
class school friend family father mother brother sister son daughter parent baby customer
shopkeeper seller buyer owner baker cook chef painter builder runner swimmer cyclist
apple orange banana pear grape lemon peach plum cherry mango melon strawberry berry
cookie cake pie muffin cupcake bread loaf sandwich pizza slice candy chocolate sweet
egg potato tomato carrot onion bean pea nut seed flower rose tulip plant leaf fruit vegetable
marble ball toy doll block card game puzzle book page notebook pen pencil crayon eraser ruler
paper sheet stamp sticker coin note bead button ribbon rope string wire thread
shirt dress hat shoe sock coat jacket bag box basket bottle jar jug kettle can cup glass bowl plate
bucket barrel carton crate container packet package parcel pack bundle bunch pile stack row
column set group pair dozen batch handful
water milk juice tea coffee soda oil gas fuel paint sand soil flour sugar salt rice money
cat dog bird fish cow horse pig sheep goat chicken duck rabbit mouse frog bee ant spider
animal pet insect
hour minute meal breakfast lunch dinner party day night morning afternoon evening week
shop store market bakery library restaurant hotel office factory machine computer phone
ticket seat chair desk bed shelf cupboard drawer
word letter sentence story question problem test exam score point goal prize award mark
tile brick board plank sheet panel beam stick log
pump pipe hose tap faucet valve
song movie show
lap mile step
employee manager company job task project hour shift
sale purchase order item unit piece product
die coin_toss outcome event chance probability
term sequence series pattern knife fork spoon
bank theater club committee head face guest member lesson break recipe handshake medal choice division food hand interval departure tail grass carpet drain leak cistern
member guest adult visitor passenger tourist fan audience crowd
club committee choice arrangement handshake hand medal trophy racer contestant winner
multiplication addition subtraction operation equation expression formula
recess holiday vacation season weekend
meeting arrival flight voyage crossing ride walk run jog swim
loan mortgage investment stock bond dividend
cinema museum zoo stadium gym court arena church hospital clinic airport port
harbor dock parking garage kitchen bathroom bedroom hall corridor staircase stair
meat cheese butter cream yogurt soup salad pasta noodle cereal snack drink beverage
rug mat curtain blanket pillow towel sofa couch lamp clock watch mirror picture frame
tablet laptop console camera radio television screen keyboard printer battery charger
guitar piano violin drum flute trumpet instrument
ferry tram subway scooter motorcycle helicopter rocket canoe kayak yacht wagon cart
beetle butterfly worm snail bear lion tiger elephant monkey giraffe zebra wolf fox owl
shell pebble rock stone crystal gem jewel pearl
balloon kite bracelet necklace ring earring
weed bush hedge vine crop wheat corn hay
population citizen resident neighbor household
rest surplus shortage excess deficit
transport transportation travel commute
flat apartment cottage cabin tent
ingredient dough batter portion serving helping spoonful
chapter paragraph
inning match tournament league
burger hotdog taco sushi
album concert
postcard envelope magazine newspaper comic novel
""")

# Plural forms that are not made by the regular rules.
IRREGULAR_PLURALS = {
    "foot": "feet", "man": "men", "woman": "women", "child": "children", "person": "people",
    "tooth": "teeth", "mouse": "mice", "goose": "geese", "leaf": "leaves", "loaf": "loaves",
    "half": "halves", "shelf": "shelves", "knife": "knives", "life": "lives", "wife": "wives",
    "wolf": "wolves", "calf": "calves", "ox": "oxen", "thief": "thieves", "potato": "potatoes",
    "tomato": "tomatoes", "hero": "heroes", "die": "dice", "penny": "pennies",
    "series": "series", "species": "species", "centimeter": "centimeters",
}
# Mass nouns: they may stand without a determiner (`Carpet costs 28 dollars per square meter.`).
MASS_NOUNS = frozenset(_words("""
water milk juice tea coffee soda oil gas fuel paint sand soil flour sugar salt rice money food
carpet grass meat cheese butter cream yogurt soup pasta cereal wheat corn hay transport
transportation bread chocolate candy fruit paper wire string thread rope fabric cloth wood
glass metal gold silver steel ice snow rain air time work homework furniture luggage
""")) | {"interest", "rent"}

# Nouns whose plural is the singular (so the word is both numbers).
INVARIANT_NOUNS = {"sheep", "fish", "deer", "percent", "yen", "series", "species"}
# Mass nouns and words only used in one number are still listed as ordinary nouns.

# --- verbs -------------------------------------------------------------------------------
VERBS = _words("""
have own hold contain keep carry get receive take give buy sell pay cost spend earn save
lose find win make bake cook eat drink read write draw paint build cover fill pour empty
plant grow pick collect gather share divide split add subtract multiply count measure weigh
cut fold tie wrap pack ship deliver load unload place put move push pull throw catch kick hit
travel drive walk run ride fly swim sail row jog climb cycle go come leave arrive return
reach lean stand sit lie rest stay wait start stop finish begin end last take
need want use borrow lend owe deposit withdraw invest charge rent hire employ work produce
print type copy send mail post bring fetch visit meet join invite order serve feed mix sort
arrange choose select roll flip toss spin score play practice study answer solve
exceed equal double triple halve increase decrease raise lower reduce rise fall drop
sleep jump skip hop
open close lock fix repair wash clean dry
sing dance watch see hear smell taste touch
cross pass follow lead chase overtake
consist include
represent denote
weigh
shake mow
shake mow rake sweep vacuum iron sew knit drain leak shrink
accept achieve act adjust admire admit adopt advance advise afford agree aim allow alter
announce appear apply approach approve argue arrange assemble assign assist attach attack
attend attract avoid bake balance bathe beat become believe belong bend bet bid bind bite
blow boil book borrow bounce bow break breathe brush bump burn bury buy calculate call camp
capture care carve cause celebrate change chase cheat check cheer chew chop claim clap
climb coach collect color combine compare compete complain complete compute connect consider
construct continue convert cook correct cough count crawl create cross crush cry cure
dance deal decide declare decorate defend deliver depend describe design destroy develop
dig dine dip direct discover discuss dislike display distribute dive divide donate download
drag dream dress drill drip drown earn educate elect enjoy enter escape estimate examine
exchange exercise exist expand expect explain explore export extend fail feel fence fight
file finish fire fit float flow fold fold form frame freeze frighten fry gain gaze glue
grab grade grill grind guard guess guide hammer hand handle hang happen harvest hate heat
help hide hike hire hope host hug hunt hurry identify ignore imagine import improve
inform insert inspect install insure intend interview introduce invent iron jog judge
juggle kneel knock know label land laugh launch lay learn lick lift light like limit line
link list listen live loan look love manage march mark marry match matter mean melt mend
mention milk miss mix moan mop mount murmur nail name note notice number obey observe
obtain occur offer operate order organize own pack paddle park participate paste pat pause
peel perform permit phone pick pinch place plan plant play please plug point polish pop
possess pour prefer prepare present press pretend prevent price print proceed process
promise protect prove provide publish pump punch purchase qualify question race rain raise
rank rate reach react realize receive recommend record recover recycle refill refuse
register regret reject relax release rely remain remember remind remove renew repeat replace
reply report request require rescue reserve resist respond retire retrieve review reward
ring rinse rise roast rob rock roll rub rush sail satisfy saw say scan scatter schedule
scratch scream search seat secure seem sell sense separate settle sew shake shape shave
shine shop shout show shut sign signal simplify sink slice slide slip smile sneeze snow
solve spell spill spray spread squeeze stack stamp stare state steer step stir store
stretch strike stuff subscribe succeed suggest supply support suppose surround survive
swap swing switch talk tap teach tear tell test thank think throw tick tidy tip touch tour
trace track trade train transfer translate transport trap travel treat trim trust try turn
twist unite unlock unpack update upload vote walk wander warm warn wash waste water wave
wear weave welcome whisper whistle win wink wipe wish wonder worry wrap yawn yell zip
""")

IRREGULAR_3SG = {"have": "has", "do": "does", "go": "goes", "be": "is"}

# --- adjectives --------------------------------------------------------------------------
ADJECTIVES = _words("""
unknown known equal positive negative even odd prime rational irrational real
red blue green yellow orange_colored black white brown pink purple gray grey golden silver
big small large little tall short long wide narrow high low deep shallow thick thin heavy
light full empty new old young fresh ripe rotten broken
fast slow quick hot cold warm cool wet dry clean dirty
same different other first last next previous final initial
right acute obtuse isosceles equilateral scalene regular parallel perpendicular
fair biased free busy open closed round flat straight
cheap expensive rich poor
remaining left extra
simple compound arithmetic geometric greatest least common largest possible more fewer adult junior premium standard reduced
impossible smallest biggest highest lowest longest shortest fastest slowest most fewest
annual monthly weekly daily hourly total whole half double correct wrong true false
entire complete
second third fourth fifth sixth seventh eighth ninth tenth
""")

# --- adverbs -----------------------------------------------------------------------------
ADVERBS = _words("""
together once twice thrice equally back again also only still more less fewer
alone apart away home altogether separately evenly exactly approximately
""")

# --- prepositions ------------------------------------------------------------------------
PREPOSITIONS = _words("""
against in on at from to with for by into onto over under between after before during near
behind above below across along around through toward towards up down among beside inside
outside within without about off past than until till since per_unit throughout via
beyond underneath opposite except like
""")

# Words that are keywords of the grammar (tokens.py) and so may not be content words.
FUNCTION_WORDS = frozenset(
    _words("a an the every no each both all is are of that and if then there what how many "
           "much do does calculate such per")
)


def pluralize(noun: str) -> str:
    """The regular English plural of a noun (irregular ones come from IRREGULAR_PLURALS)."""
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun in INVARIANT_NOUNS:
        return noun
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


def third_singular(verb: str) -> str:
    """The third-person singular present of a verb (`travel` -> `travels`)."""
    if verb in IRREGULAR_3SG:
        return IRREGULAR_3SG[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        return verb[:-1] + "ies"
    return verb + "s"


def singularize(word: str) -> str:
    """Best-effort singular of an unlisted plural (used for prefixed words like `n:widgets`)."""
    for lemma, plural in IRREGULAR_PLURALS.items():
        if plural == word:
            return lemma
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _clean(words: list[str]) -> list[str]:
    """Underscored list items are multiword placeholders kept out of the lexicon."""
    return sorted({w for w in words if "_" not in w} - FUNCTION_WORDS)


@cache
def lexicon() -> dict[str, tuple[Entry, ...]]:
    """Every surface form of the lexicon -> its readings (one per word class)."""
    table: dict[str, list[Entry]] = {}

    def add(form: str, entry: Entry) -> None:
        readings = table.setdefault(form, [])
        if entry not in readings:
            readings.append(entry)

    nouns = _clean(NOUNS + UNITS + list(UNIT_SPELLINGS))
    for noun in nouns:
        lemma = UNIT_SPELLINGS.get(noun, noun)
        if noun in INVARIANT_NOUNS:
            add(noun, Entry(WordClass.NOUN, lemma, "both"))
            continue
        add(noun, Entry(WordClass.NOUN, lemma, "sg"))
        add(pluralize(noun), Entry(WordClass.NOUN, lemma, "pl"))
    for verb in _clean(VERBS):
        add(verb, Entry(WordClass.VERB, verb, "base"))
        add(third_singular(verb), Entry(WordClass.VERB, verb, "3sg"))
    for adj in _clean(ADJECTIVES):
        add(adj, Entry(WordClass.ADJ, adj))
    for adv in _clean(ADVERBS):
        add(adv, Entry(WordClass.ADV, adv))
    for prep in _clean(PREPOSITIONS):
        add(prep, Entry(WordClass.PREP, prep))
    return {form: tuple(readings) for form, readings in table.items()}


@cache
def forms_of(word_class: WordClass) -> frozenset[str]:
    """All surface forms that have a reading in `word_class` (used to build test grammars)."""
    return frozenset(f for f, es in lexicon().items() if any(e.word_class == word_class for e in es))


def is_unit(lemma: str) -> bool:
    """Whether a unit lemma is a unit of measurement, as opposed to a counted thing: `foot`,
    `meter^2` and `mile/hour` are; `apple` and `apple/day` are not."""
    parts = [part.split("^")[0].strip() for part in lemma.split("/")]
    return all(part in UNITS for part in parts)
