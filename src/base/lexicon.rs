//! Lexicon: the closed classes of English words that extraction leans on.
//!
//! These are grammar, not knowledge of any event: month names, time units, prepositions,
//! auxiliaries, number words. Everything about what is counted (the topics) lives in the
//! rule files instead.

/// A word list searched as a set. Extraction asks these lists about nearly every
/// word of every sentence, and a linear search of a hundred words was a measurable part
/// of the run; the set is built on first use.
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

pub static MONTHS: WordSet = WordSet::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]);

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that make a number a duration, an age or a time of day rather than a count.
pub static TIME_UNITS: WordSet = WordSet::new(&[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "millennium",
    "yr",
    "yrs",
    "hrs",
    "mins",
    "am",
    "pm",
    "a.m",
    "p.m",
    "o'clock",
    "weekend",
    "weekends",
    "fortnight",
    "fortnights",
    "quarter",
    "quarters",
]);

/// Labels before a number that make it a name or an identifier ("Article 5", "Flight 17").
pub static IDENTIFIER_LABELS: WordSet = WordSet::new(&[
    "no",
    "number",
    "article",
    "chapter",
    "section",
    "clause",
    "resolution",
    "decree",
    "law",
    "act",
    "bill",
    "room",
    "route",
    "flight",
    "highway",
    "platform",
    "gate",
    "level",
    "phase",
    "stage",
    "round",
    "page",
    "item",
    "paragraph",
    "point",
    "line",
    "district",
    "ward",
    "zone",
    "block",
    "unit",
    "building",
    "floor",
    "lane",
    "street",
    "road",
    "avenue",
    "version",
    "grade",
    "class",
    "type",
    "model",
    "series",
    "group",
    "category",
    "term",
    "session",
    "day",
    "week",
    "year",
    "game",
    "match",
    "covid",
    "hurricane",
    "typhoon",
    "storm",
]);

/// Currency words after a number, with the code they stand for.
pub const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("usd", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("eur", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("gbp", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("dong", "VND"),
    ("vnd", "VND"),
    ("won", "KRW"),
    ("baht", "THB"),
    ("ringgit", "MYR"),
    ("peso", "PESO"),
    ("pesos", "PESO"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("rand", "ZAR"),
    ("naira", "NGN"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
];

/// Currency signs and codes before a number.
pub const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₫", "VND"),
    ("₩", "KRW"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("VND", "VND"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("INR", "INR"),
];

/// Scale words and suffixes after a number.
pub fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "m" | "mn" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Cardinal number words below a hundred's multiplier.
pub fn small_number(word: &str) -> Option<f64> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some(20.0 + 10.0 * i as f64);
    }
    if word == "dozen" {
        return Some(12.0);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = TENS.iter().position(|t| *t == tens)?;
    let unit = UNITS[1..10].iter().position(|u| *u == unit)?;
    Some(20.0 + 10.0 * tens as f64 + 1.0 + unit as f64)
}

/// Words that end a counted noun phrase: prepositions, determiners, conjunctions that
/// open a clause, pronouns and auxiliaries.
pub static PHRASE_STOPS: WordSet = WordSet::new(&[
    "of",
    "from",
    "in",
    "at",
    "on",
    "to",
    "for",
    "with",
    "by",
    "into",
    "across",
    "over",
    "under",
    "during",
    "after",
    "before",
    "since",
    "until",
    "within",
    "without",
    "among",
    "between",
    "through",
    "per",
    "than",
    "as",
    "like",
    "who",
    "whom",
    "whose",
    "that",
    "which",
    "where",
    "when",
    "while",
    "whereas",
    "because",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "there",
    "here",
    "not",
    "also",
    "all",
    "both",
    "each",
    "more",
    "most",
    "less",
    "than",
    "out",
    "up",
    "down",
    "off",
    "about",
    "around",
    "some",
    "such",
    "only",
    "just",
    "still",
    "already",
    "including",
    "according",
    "against",
    "toward",
    "towards",
    "via",
    "amid",
    "despite",
    "upon",
    "onto",
    "near",
    "said",
    "says",
]);

/// Words skipped when looking for the verb that tells what happened to the counted thing.
pub static AUXILIARIES: WordSet = WordSet::new(&[
    "who",
    "that",
    "which",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "also",
    "already",
    "reportedly",
    "officially",
    "all",
    "still",
    "now",
    "then",
    "not",
    "have",
    "had",
    "either",
    "both",
    "being",
    "got",
    "get",
    "reported",
]);

/// Past participles and verbs that do not end in -ed but say what happened to people or
/// things in the news.
pub static IRREGULAR_VERBS: WordSet = WordSet::new(&[
    "hurt", "left", "held", "taken", "lost", "found", "seen", "made", "sent", "brought", "caught",
    "fled", "met", "paid", "built", "spent", "sold", "won", "shot", "struck", "hit", "stood",
    "ran", "came", "went", "took", "gave", "given", "drew", "drawn", "saw", "kept", "set", "put",
    "cut", "bought", "dead", "died", "missing", "homeless", "sign", "signs", "attend", "attends",
    "die", "kill", "kills", "vote", "votes", "win", "wins", "gather", "join", "joins", "ratify",
    "ratifies", "flee", "flees", "remain", "remains",
]);

/// Nouns whose plural does not end in -s, so a head-noun search can still stop on them.
pub static IRREGULAR_PLURALS: WordSet = WordSet::new(&[
    "people",
    "persons",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "cattle",
    "livestock",
    "data",
    "media",
    "crew",
    "fish",
    "sheep",
    "deer",
    "aircraft",
    "feet",
    "teeth",
    "mice",
    "geese",
    "dead",
    "injured",
    "wounded",
    "missing",
    "displaced",
    "homeless",
    "elderly",
    "faithful",
    "audience",
    "crowd",
    "attendance",
    "turnout",
    "population",
    "workforce",
    "electorate",
]);

/// Units of measure: a figure counted in them says how much, not of what.
pub static MEASURE_UNITS: WordSet = WordSet::new(&[
    "km",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
    "metre",
    "metres",
    "meter",
    "meters",
    "m",
    "cm",
    "mm",
    "ft",
    "feet",
    "foot",
    "inch",
    "inches",
    "yard",
    "yards",
    "kg",
    "kilogram",
    "kilograms",
    "kilogramme",
    "kilogrammes",
    "gram",
    "grams",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "pound",
    "pounds",
    "lb",
    "lbs",
    "litre",
    "litres",
    "liter",
    "liters",
    "gallon",
    "gallons",
    "barrel",
    "barrels",
    "hectare",
    "hectares",
    "acre",
    "acres",
    "degree",
    "degrees",
    "celsius",
    "fahrenheit",
    "mph",
    "kph",
    "knots",
    "percent",
    "points",
    "point",
    "times",
    "fold",
    "c",
    "f",
]);

pub fn is_measure_unit(word: &str) -> bool {
    MEASURE_UNITS.contains(word)
}

pub fn is_month(word: &str) -> bool {
    MONTHS.contains(word.trim_end_matches('.'))
}

pub fn is_time_unit(word: &str) -> bool {
    TIME_UNITS.contains(word)
}

pub fn currency_word(word: &str) -> Option<&'static str> {
    CURRENCY_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, code)| *code)
}

/// True for words that look like a plural noun (or a collective one).
pub fn looks_plural(word: &str) -> bool {
    if IRREGULAR_PLURALS.contains(word) {
        return true;
    }
    let long_enough = word.chars().count() > 3;
    long_enough && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
        || word.ends_with("ies")
}

/// True for words that look like a verb form that reports an event.
pub fn looks_verb(word: &str) -> bool {
    let n = word.chars().count();
    IRREGULAR_VERBS.contains(word)
        || (n > 4 && word.ends_with("ed"))
        || (n > 5 && word.ends_with("ing") && !word.ends_with("thing"))
}

static STEMMER: std::sync::LazyLock<rust_stemmers::Stemmer> =
    std::sync::LazyLock::new(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));

/// A noun's singular, lower-case, American-spelled form: how counted nouns are matched.
/// Lighter than [`stem`], which would make "delegates" and "delegations" one word.
pub fn singular(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("people", "person"),
        ("persons", "person"),
        ("children", "child"),
        ("men", "man"),
        ("women", "woman"),
        ("feet", "foot"),
        ("mice", "mouse"),
        ("geese", "goose"),
        ("teeth", "tooth"),
        ("lives", "life"),
        ("wives", "wife"),
        ("knives", "knife"),
        ("thieves", "thief"),
        ("leaves", "leaf"),
        ("halves", "half"),
        ("analyses", "analysis"),
        ("crises", "crisis"),
        ("bases", "base"),
    ];
    let lower = word.to_lowercase().replace('’', "'");
    let lower = lower.strip_suffix("'s").unwrap_or(&lower);
    let lower = lower
        .replace("isation", "ization")
        .replace("organise", "organize");
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == lower) {
        return (*one).to_string();
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        if stem.len() > 1 {
            return format!("{stem}y");
        }
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if lower.ends_with(ending) {
            return lower[..lower.len() - 2].to_string();
        }
    }
    if lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && lower.chars().count() > 3
    {
        return lower[..lower.len() - 1].to_string();
    }
    lower
}

/// The stem of a word, for matching across inflections ("signed", "signing" → "sign";
/// "countries", "country" → "countri") and British and American spellings
/// ("organisations", "organizations").
pub fn stem(word: &str) -> String {
    // News text repeats its words, and the stemmer costs several times a lookup, so
    // each thread remembers the stems it has made; the memory is cleared when full so
    // that it stays small whatever the corpus.
    // About 20,000 distinct words cover an article set's vocabulary; at some 80 bytes
    // an entry that is under 2 MB a thread.
    const MEMORY: usize = 20_000;
    thread_local! {
        static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::default();
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some(stem) = stems.get(word) {
            return stem.clone();
        }
        let lower = word.to_lowercase().replace('’', "'");
        let lower = lower.strip_suffix("'s").unwrap_or(&lower);
        let american = lower.replace("isation", "ization");
        let stem = STEMMER.stem(&american).into_owned();
        if stems.len() >= MEMORY {
            stems.clear();
        }
        stems.insert(word.to_string(), stem.clone());
        stem
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_parse() {
        assert_eq!(small_number("six"), Some(6.0));
        assert_eq!(small_number("nineteen"), Some(19.0));
        assert_eq!(small_number("seventy-four"), Some(74.0));
        assert_eq!(small_number("forty"), Some(40.0));
        assert_eq!(small_number("twenty-zero"), None);
        assert_eq!(small_number("sixth"), None);
    }

    #[test]
    fn singulars_keep_derivations_apart() {
        assert_eq!(singular("countries"), "country");
        assert_eq!(singular("Volunteers"), "volunteer");
        assert_ne!(singular("operators"), singular("operations"));
        assert_eq!(singular("organisations"), singular("organization"));
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("press"), "press");
        assert_eq!(singular("status"), "status");
    }

    #[test]
    fn stems_meet_across_inflections_and_spellings() {
        assert_eq!(stem("voted"), stem("voting"));
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("organisations"), stem("organizations"));
        assert_eq!(stem("Volunteers"), stem("volunteer"));
        assert_ne!(stem("killed"), stem("injured"));
    }

    #[test]
    fn plural_and_verb_shapes() {
        for plural in ["volunteers", "agencies", "people", "countries", "ballots"] {
            assert!(looks_plural(plural), "{plural}");
        }
        for not_plural in ["press", "status", "bus", "its", "was"] {
            assert!(!looks_plural(not_plural), "{not_plural}");
        }
        for verb in ["voted", "killed", "attending", "hurt"] {
            assert!(looks_verb(verb), "{verb}");
        }
        assert!(!looks_verb("red"));
        assert!(!looks_verb("something"));
    }
}
