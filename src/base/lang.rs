//! Languages: the closed classes of words that extraction leans on (number words,
//! hedges, months, units, prepositions, auxiliaries...), one `Language` per folder of
//! `lang/`, built into the binary by `build.rs`. These are grammar, not knowledge of any
//! event: what is counted lives in the rule files.
//!
//! Every source carries its language, and the stages ask it rather than branch on it,
//! so adding a language is adding a folder of data files and an entry in
//! [`LANGUAGES`]. Only English exists today.

use super::numbers::NumberStyle;
use super::words::WordSet;

/// A month's name and abbreviations, capitalised as written.
#[derive(Debug)]
pub struct Month {
    pub name: &'static str,
    pub abbreviations: &'static [&'static str],
}

/// The plural of a number's unit that makes a vague amount ("hundreds": 100).
#[derive(Debug)]
pub struct Vague {
    pub word: &'static str,
    pub unit: f64,
    /// False when the plural is a vague amount only before "of" ("scores of").
    pub alone: bool,
}

/// A hedge's words and its kind's name ("more than", "at least", "nearly"...).
#[derive(Debug)]
pub struct HedgeWords {
    pub words: &'static [&'static str],
    pub kind: &'static str,
    /// A verb ("passed"): read as a bound but left out of the figure's wording.
    pub verb: bool,
    /// A hedge only after a linking word ("stands near 1,400"), a preposition elsewhere.
    pub linked: bool,
}

/// One language's word lists; what each holds is said in its data file. Word sets are
/// in lower case.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code, the name of the language's folder in `lang/`.
    pub code: &'static str,
    pub number_style: NumberStyle,
    pub number_units: WordSet,
    pub number_tens: WordSet,
    /// The units, then the tens, for one lookup of both.
    pub number_words: WordSet,
    pub scales: &'static [(&'static str, f64)],
    /// The scale words, in the order of `scales`.
    pub scale_words: WordSet,
    pub vague: &'static [Vague],
    pub vague_quantifiers: WordSet,
    pub vague_prefixes: WordSet,
    /// The words that may open a figure written without digits or a number word:
    /// vague plurals and quantifiers, scale words, fractions, multipliers ("dozens",
    /// "several", "million", "third", "double").
    pub vague_first_words: WordSet,
    pub approximate_numbers: &'static [(&'static str, f64)],
    pub approximate_number_words: WordSet,
    pub fractions: &'static [(&'static str, f64)],
    pub bare_fractions: WordSet,
    pub half_excluders: WordSet,
    pub multiplier_followers: WordSet,
    pub fraction_words: WordSet,
    pub multipliers: &'static [(&'static str, f64)],
    pub multiplier_words: WordSet,
    pub range_verbs: WordSet,
    pub hedges_before: &'static [HedgeWords],
    /// The last word of every hedge written before a figure ("than", "over", "some").
    pub hedge_last_words: WordSet,
    pub hedges_after: &'static [HedgeWords],
    pub currency_words: &'static [(&'static str, &'static str)],
    /// The currency words, in the order of `currency_words`.
    pub currency_word_list: WordSet,
    pub currency_prefixes: &'static [(&'static str, &'static str)],
    pub months: &'static [Month],
    /// Every month name and abbreviation.
    pub month_words: WordSet,
    pub weekdays: WordSet,
    pub time_units: WordSet,
    pub clock_words: WordSet,
    pub duration_fillers: WordSet,
    pub year_words: WordSet,
    pub parts_of_day: WordSet,
    pub scope_time_units: WordSet,
    pub event_parts: WordSet,
    pub phrase_stops: WordSet,
    pub auxiliaries: WordSet,
    pub origin_prepositions: WordSet,
    pub relative_pronouns: WordSet,
    pub qualifying_prepositions: WordSet,
    pub subject_adverbs: WordSet,
    pub group_prepositions: WordSet,
    pub reporting_verbs: WordSet,
    pub figure_joiners: WordSet,
    pub linking_words: WordSet,
    pub copulas: WordSet,
    pub determiners: WordSet,
    pub irregular_verbs: WordSet,
    pub present_tense_verbs: WordSet,
    pub irregular_plurals: WordSet,
    pub irregular_singulars: &'static [(&'static str, &'static str)],
    pub abbreviations: WordSet,
    pub name_connectors: WordSet,
    pub identifier_labels: WordSet,
    pub naming_words: WordSet,
    pub ordinal_suffixes: WordSet,
    pub pronoun_one_followers: WordSet,
    pub pronoun_one_leaders: WordSet,
    pub emergency_numbers: WordSet,
    pub phone_verbs: WordSet,
    pub idioms: &'static [(&'static str, &'static str)],
    pub compound_idioms: WordSet,
    pub measure_units: WordSet,
    pub locality_words: WordSet,
    pub person_nouns: WordSet,
    pub change_words: WordSet,
    pub margin_words: WordSet,
    pub increments_before: WordSet,
    pub increments_after: WordSet,
    pub increments_before_noun: WordSet,
    pub shell_nouns: WordSet,
    pub mass_nouns: WordSet,
    pub report_nouns: WordSet,
    pub named_event_kinds: WordSet,
    pub baseline_words: WordSet,
    pub superlative_words: WordSet,
    pub anaphoric_openers: WordSet,
    pub seasons: &'static [(&'static str, &'static str)],
    pub group_classes: &'static [(&'static str, &'static str)],
    pub place_adjectives: WordSet,
    pub place_parts: WordSet,
    pub continents: WordSet,
    pub demonyms: &'static [(&'static str, &'static str)],
    pub country_aliases: &'static [(&'static str, &'static str)],
    pub demonym_aliases: &'static [(&'static str, &'static str)],
    pub owning_words: WordSet,
    pub lemmas: &'static [(&'static str, &'static str)],
    pub measure_unit_keys: &'static [(&'static str, &'static str)],
    pub word_classes: &'static [(&'static str, &'static [&'static str])],
}

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The languages hcx reads; a source in none of them is read as the first.
pub static LANGUAGES: &[&Language] = &[&EN];

/// English, the language of every source until a source can say otherwise.
pub static ENGLISH: &Language = &EN;

impl Language {
    /// A regular expression for a month's name or abbreviation, a full stop allowed:
    /// the names in calendar order, then the abbreviations.
    pub fn month_pattern(&self) -> String {
        let names = self.months.iter().map(|m| m.name);
        let abbreviations = self
            .months
            .iter()
            .flat_map(|m| m.abbreviations.iter().copied());
        let all: Vec<&str> = names.chain(abbreviations).collect();
        format!("(?:{})\\.?", all.join("|"))
    }

    pub fn is_month(&self, word: &str) -> bool {
        self.month_words.contains(word.trim_end_matches('.'))
    }

    /// A month's or a weekday's name: a time, never a place, a name or a thing counted.
    pub fn is_day_name(&self, word: &str) -> bool {
        self.is_month(word) || self.weekdays.contains(word)
    }

    /// True for a month's abbreviation in lower case ("sept").
    pub fn is_month_abbreviation(&self, word: &str) -> bool {
        self.months
            .iter()
            .any(|m| m.abbreviations.iter().any(|a| a.eq_ignore_ascii_case(word)))
    }

    /// The month (0 for January) a name or abbreviation stands for, a full stop allowed.
    pub fn month_index(&self, name: &str) -> Option<usize> {
        let name = name.trim_end_matches('.');
        self.months.iter().position(|m| {
            m.name.eq_ignore_ascii_case(name)
                || m.abbreviations.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }

    pub fn is_time_unit(&self, word: &str) -> bool {
        self.time_units.contains(word)
    }

    pub fn is_measure_unit(&self, word: &str) -> bool {
        self.measure_units.contains(word)
    }

    /// The currency code of a currency word after a number ("dollars": "USD").
    pub fn currency_word(&self, word: &str) -> Option<&'static &'static str> {
        self.currency_word_list
            .position(word)
            .map(|i| &self.currency_words[i].1)
    }

    /// What a scale word or suffix after a number multiplies it by.
    pub fn scale(&self, word: &str) -> Option<f64> {
        self.scale_words.position(word).map(|i| self.scales[i].1)
    }

    /// A scale written as a word, which may follow a number word ("seven million",
    /// "three dozen"); not a suffix ("m", "bn"), which follows digits only.
    pub fn scale_word(&self, word: &str) -> Option<f64> {
        self.scale(word).filter(|_| word.chars().count() > 2)
    }

    /// The unit of a vague plural ("hundreds": 100) and whether it stands alone.
    pub fn vague_unit(&self, word: &str) -> Option<&Vague> {
        self.vague.iter().find(|v| v.word == word)
    }

    /// What a fraction word is worth ("third": 1/3); the data gives what it divides by.
    pub fn fraction(&self, word: &str) -> Option<f64> {
        self.fraction_words
            .position(word)
            .map(|i| 1.0 / self.fractions[i].1)
    }

    /// What a multiplier multiplies by ("double": 2).
    pub fn multiplier(&self, word: &str) -> Option<f64> {
        self.multiplier_words
            .position(word)
            .map(|i| self.multipliers[i].1)
    }

    /// What a word that stands for a number with its hedge is worth ("couple": 2).
    pub fn approximate_number(&self, word: &str) -> Option<f64> {
        self.approximate_number_words
            .position(word)
            .map(|i| self.approximate_numbers[i].1)
    }

    /// Cardinal number words below a hundred's multiplier: "six", "forty",
    /// "seventy-four".
    pub fn small_number(&self, word: &str) -> Option<f64> {
        // Most words are not number words: one lookup says so. Extraction asks about
        // every word of a paragraph that has no digits.
        if let Some(place) = self.number_words.position(word) {
            let units = self.number_units.words().len();
            return Some(if place < units {
                place as f64
            } else {
                20.0 + 10.0 * (place - units) as f64
            });
        }
        let (ten, unit) = word.split_once('-')?;
        let ten = self.number_tens.position(ten)?;
        // "seventy-four": a unit from one to nine.
        let unit = self
            .number_units
            .position(unit)
            .filter(|i| (1..10).contains(i))?;
        Some(20.0 + 10.0 * ten as f64 + 1.0 + (unit - 1) as f64)
    }

    /// True for words that look like a plural noun (or a collective one).
    pub fn looks_plural(&self, word: &str) -> bool {
        if self.irregular_plurals.contains(word) {
            return true;
        }
        let long_enough = word.chars().count() > 3;
        long_enough && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
            || word.ends_with("ies")
    }

    /// True for words that look like a verb form that reports an event.
    pub fn looks_verb(&self, word: &str) -> bool {
        let n = word.chars().count();
        self.irregular_verbs.contains(word)
            || self.present_tense_verbs.contains(word)
            || (n > 4 && word.ends_with("ed"))
            || (n > 5 && word.ends_with("ing") && !word.ends_with("thing"))
    }
}

/// Lookups made from a language's pair tables and word classes on first use: the names
/// of peoples and countries, and each word class as a set.
struct Lookups {
    /// Country name or other name (lower case) to its people's plural name.
    people_of_country: rustc_hash::FxHashMap<String, &'static str>,
    /// Any name of a people, plural or adjective (lower case), to its plural name.
    peoples: rustc_hash::FxHashMap<String, &'static str>,
    classes: rustc_hash::FxHashMap<&'static str, rustc_hash::FxHashSet<&'static str>>,
}

fn lookups(lang: &'static Language) -> &'static Lookups {
    static MADE: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Lookups>> =
        std::sync::LazyLock::new(|| LANGUAGES.iter().map(|l| (l.code, Lookups::of(l))).collect());
    &MADE[lang.code]
}

impl Lookups {
    fn of(lang: &'static Language) -> Lookups {
        let mut people_of_country = rustc_hash::FxHashMap::default();
        let mut peoples = rustc_hash::FxHashMap::default();
        for (country, people) in lang.demonyms {
            people_of_country.insert(country.to_lowercase(), *people);
            peoples.insert(people.to_lowercase(), *people);
            // "Egyptian citizens": the adjective names the same people.
            if let Some(one) = people.strip_suffix('s') {
                peoples.insert(one.to_lowercase(), *people);
            }
        }
        for (alias, country) in lang.country_aliases {
            if let Some(people) = people_of_country.get(&country.to_lowercase()).copied() {
                people_of_country.insert(alias.to_lowercase(), people);
            }
        }
        for (alias, people) in lang.demonym_aliases {
            peoples.insert(alias.to_lowercase(), *people);
        }
        let classes = lang
            .word_classes
            .iter()
            .map(|(name, words)| (*name, words.iter().copied().collect()))
            .collect();
        Lookups {
            people_of_country,
            peoples,
            classes,
        }
    }
}

impl Language {
    /// The one name of the group a word names ("women", "female": "female").
    pub fn group_class(&self, word: &str) -> Option<&'static str> {
        self.group_classes
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, class)| *class)
    }

    /// The plural name of the people a capitalised word names ("Egyptians",
    /// "Egyptian", "Brits").
    pub fn demonym(&'static self, word: &str) -> Option<&'static str> {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        lookups(self).peoples.get(&word.to_lowercase()).copied()
    }

    /// The plural name of a country's people ("Egypt": "Egyptians").
    pub fn demonym_of(&'static self, country: &str) -> Option<&'static str> {
        lookups(self)
            .people_of_country
            .get(&country.to_lowercase())
            .copied()
    }

    pub fn is_continent(&self, name: &str) -> bool {
        self.continents.contains(name)
    }

    /// A verb's lemma where stemming cannot find it ("lost": "lose"); other words as
    /// they are.
    pub fn lemma<'w>(&self, word: &'w str) -> &'w str {
        self.lemmas
            .iter()
            .find(|(form, _)| *form == word)
            .map_or(word, |(_, lemma)| lemma)
    }

    /// The words of a word class ("people"), if the language has one of that name.
    pub fn word_class(&self, name: &str) -> Option<&'static [&'static str]> {
        self.word_classes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, words)| *words)
    }

    /// The names of the word classes, for messages.
    pub fn word_class_names(&self) -> Vec<&'static str> {
        self.word_classes.iter().map(|(n, _)| *n).collect()
    }

    /// True when a word belongs to the named word class.
    pub fn in_class(&'static self, class: &str, word: &str) -> bool {
        lookups(self)
            .classes
            .get(class)
            .is_some_and(|set| set.contains(word))
    }

    /// The class that groups a verb with the verbs that say the same of a count: "win"
    /// for "clinched" and "secured", "lose" for "lost".
    pub fn verb_class(&'static self, word: &str) -> Option<&'static str> {
        ["win", "lose", "gain"]
            .into_iter()
            .find(|class| self.in_class(class, word))
    }

    /// A verb of having, winning, losing or gaining, whose subject owns its figure.
    pub fn is_possession_verb(&'static self, word: &str) -> bool {
        self.in_class("possession", word)
    }

    /// The middle month (1 for January) of a season's name.
    pub fn season(&self, word: &str) -> Option<u8> {
        self.seasons
            .iter()
            .find(|(name, _)| *name == word)
            .and_then(|(_, month)| month.parse().ok())
    }

    /// A measure's dimension and unit as a key ("length m", "temperature celsius"),
    /// from its unit word and the words after it ("degrees Celsius").
    pub fn measure_unit_key(&self, unit: &str, after: &str) -> Option<&'static str> {
        if let Some((_, key)) = self.measure_unit_keys.iter().find(|(w, _)| *w == unit) {
            return Some(key);
        }
        if !matches!(unit, "degree" | "degrees") {
            return None;
        }
        let next = after
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())?
            .to_lowercase();
        match next.as_str() {
            "c" => Some("temperature celsius"),
            "f" => Some("temperature fahrenheit"),
            word => self
                .measure_unit_keys
                .iter()
                .find(|(w, key)| *w == word && key.starts_with("temperature"))
                .map(|(_, key)| *key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word set of a language, by its name in the data files.
    fn word_sets(lang: &Language) -> [(&'static str, &WordSet); 61] {
        [
            ("number_units", &lang.number_units),
            ("number_tens", &lang.number_tens),
            ("vague_quantifiers", &lang.vague_quantifiers),
            ("vague_prefixes", &lang.vague_prefixes),
            ("range_verbs", &lang.range_verbs),
            ("bare_fractions", &lang.bare_fractions),
            ("half_excluders", &lang.half_excluders),
            ("multiplier_followers", &lang.multiplier_followers),
            ("month_words", &lang.month_words),
            ("weekdays", &lang.weekdays),
            ("time_units", &lang.time_units),
            ("clock_words", &lang.clock_words),
            ("duration_fillers", &lang.duration_fillers),
            ("year_words", &lang.year_words),
            ("parts_of_day", &lang.parts_of_day),
            ("scope_time_units", &lang.scope_time_units),
            ("event_parts", &lang.event_parts),
            ("phrase_stops", &lang.phrase_stops),
            ("auxiliaries", &lang.auxiliaries),
            ("linking_words", &lang.linking_words),
            ("determiners", &lang.determiners),
            ("reporting_verbs", &lang.reporting_verbs),
            ("irregular_verbs", &lang.irregular_verbs),
            ("present_tense_verbs", &lang.present_tense_verbs),
            ("irregular_plurals", &lang.irregular_plurals),
            ("abbreviations", &lang.abbreviations),
            ("name_connectors", &lang.name_connectors),
            ("identifier_labels", &lang.identifier_labels),
            ("naming_words", &lang.naming_words),
            ("ordinal_suffixes", &lang.ordinal_suffixes),
            ("pronoun_one_followers", &lang.pronoun_one_followers),
            ("pronoun_one_leaders", &lang.pronoun_one_leaders),
            ("emergency_numbers", &lang.emergency_numbers),
            ("phone_verbs", &lang.phone_verbs),
            ("compound_idioms", &lang.compound_idioms),
            ("measure_units", &lang.measure_units),
            ("locality_words", &lang.locality_words),
            ("person_nouns", &lang.person_nouns),
            ("copulas", &lang.copulas),
            ("change_words", &lang.change_words),
            ("margin_words", &lang.margin_words),
            ("increments_before", &lang.increments_before),
            ("increments_after", &lang.increments_after),
            ("increments_before_noun", &lang.increments_before_noun),
            ("shell_nouns", &lang.shell_nouns),
            ("mass_nouns", &lang.mass_nouns),
            ("report_nouns", &lang.report_nouns),
            ("named_event_kinds", &lang.named_event_kinds),
            ("baseline_words", &lang.baseline_words),
            ("superlative_words", &lang.superlative_words),
            ("anaphoric_openers", &lang.anaphoric_openers),
            ("place_adjectives", &lang.place_adjectives),
            ("place_parts", &lang.place_parts),
            ("continents", &lang.continents),
            ("owning_words", &lang.owning_words),
            ("origin_prepositions", &lang.origin_prepositions),
            ("relative_pronouns", &lang.relative_pronouns),
            ("qualifying_prepositions", &lang.qualifying_prepositions),
            ("subject_adverbs", &lang.subject_adverbs),
            ("group_prepositions", &lang.group_prepositions),
            ("figure_joiners", &lang.figure_joiners),
        ]
    }

    #[test]
    fn every_list_holds_its_examples_and_not_its_counter_examples() {
        for language in LANGUAGES {
            for (name, set) in word_sets(language) {
                for word in set.examples() {
                    assert!(
                        set.contains(&word.to_lowercase()),
                        "lang/{}: {name} lacks its example {word:?}",
                        language.code
                    );
                }
                for word in set.counter_examples() {
                    assert!(
                        !set.contains(&word.to_lowercase()),
                        "lang/{}: {name} holds its counter-example {word:?}",
                        language.code
                    );
                }
            }
        }
    }

    #[test]
    fn peoples_are_named_by_country_adjective_and_other_names() {
        let en = ENGLISH;
        assert_eq!(en.demonym("Egyptians"), Some("Egyptians"));
        assert_eq!(en.demonym("Egyptian"), Some("Egyptians"));
        assert_eq!(en.demonym("Brits"), Some("Britons"));
        assert_eq!(
            en.demonym("egyptians"),
            None,
            "a people's name is capitalised"
        );
        assert_eq!(en.demonym_of("Egypt"), Some("Egyptians"));
        assert_eq!(en.demonym_of("U.S."), Some("Americans"));
        assert_eq!(en.demonym_of("DR Congo"), Some("Congolese"));
        assert_eq!(en.group_class("women"), Some("female"));
        assert_eq!(en.group_class("females"), Some("female"));
        assert_eq!(en.group_class("boats"), None);
    }

    #[test]
    fn word_classes_and_lemmas() {
        let en = ENGLISH;
        assert!(en
            .word_class("people")
            .is_some_and(|w| w.contains(&"pilgrims")));
        assert_eq!(en.verb_class("clinched"), Some("win"));
        assert_eq!(en.verb_class("losing"), Some("lose"));
        assert_eq!(en.verb_class("died"), None);
        assert_eq!(en.lemma("lost"), "lose");
        assert_eq!(en.lemma("drew"), "draw");
        assert_eq!(en.lemma("killed"), "killed");
        assert_eq!(en.season("summer"), Some(7));
        assert_eq!(en.measure_unit_key("metres", ""), Some("length m"));
        assert_eq!(
            en.measure_unit_key("degrees", " Celsius (117"),
            Some("temperature celsius")
        );
        assert_eq!(en.measure_unit_key("degrees", " of freedom"), None);
    }

    #[test]
    fn number_words_parse() {
        let en = ENGLISH;
        assert_eq!(en.small_number("six"), Some(6.0));
        assert_eq!(en.small_number("nineteen"), Some(19.0));
        assert_eq!(en.small_number("seventy-four"), Some(74.0));
        assert_eq!(en.small_number("forty"), Some(40.0));
        assert_eq!(en.small_number("twenty-zero"), None);
        assert_eq!(en.small_number("sixth"), None);
    }

    #[test]
    fn plural_and_verb_shapes() {
        let en = ENGLISH;
        for plural in ["volunteers", "agencies", "people", "countries", "ballots"] {
            assert!(en.looks_plural(plural), "{plural}");
        }
        for not_plural in ["press", "status", "bus", "its", "was"] {
            assert!(!en.looks_plural(not_plural), "{not_plural}");
        }
        for verb in ["voted", "killed", "attending", "hurt"] {
            assert!(en.looks_verb(verb), "{verb}");
        }
        assert!(!en.looks_verb("red"));
        assert!(!en.looks_verb("something"));
    }

    #[test]
    fn months_are_known_by_name_and_abbreviation() {
        let en = ENGLISH;
        assert_eq!(en.month_index("September"), Some(8));
        assert_eq!(en.month_index("Sept."), Some(8));
        assert_eq!(en.month_index("Sep"), Some(8));
        assert_eq!(en.month_index("May"), Some(4));
        assert!(en.is_month("oct."));
        assert!(en.is_month_abbreviation("sept"));
        assert!(!en.is_month_abbreviation("may"));
    }
}
