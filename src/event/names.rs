//! Names: which owners a set of articles names are one. "Labour" and "the Labour
//! Party", "SNP" and "Scottish National Party", and names the text itself makes one:
//! "the Conservatives, or Tories as they are commonly known", "Labour, led by Keir
//! Starmer", "the Norvale People's Alliance (NPA)". Each group of names is compared
//! under its shortest member.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::morphology;
use crate::extract::claims::Claim;
use crate::source::Source;

/// The owners of a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Each owner's key to the key of the name it is compared under.
    pub owners: BTreeMap<String, String>,
    /// Each key as an article writes it, for people to read: "Conservatives" for
    /// "conservative".
    pub written: BTreeMap<String, String>,
    /// The owners each source names, by key, for reading "the alliance" as that
    /// source's "Norvale People's Alliance".
    pub by_source: BTreeMap<String, BTreeSet<String>>,
}

/// A name as these patterns read it: words that open with an ASCII capital or any
/// character past ASCII but Latin-1's lower case and punctuation, cut to `NAME_WORDS`
/// in code. Not Unicode's letter classes: a pattern of four names over them took longer
/// to compile (10 ms) than a short run takes in all. The price: a word opening with a
/// lower-case letter past Latin-1 ("đã") passes for a name's, and joiners (U+200C/D)
/// end one.
const NAME: &str = r"((?:(?:[A-Z]|[^\x00-\x7F\u{A0}-\u{BF}\u{DF}-\u{FF}\u{2000}-\u{206F}])(?:[0-9A-Za-z_'.\-]|[^\x00-\x7F\u{A0}-\u{BF}\u{2000}-\u{2017}\u{201A}-\u{206F}])*\s+)*(?:[A-Z]|[^\x00-\x7F\u{A0}-\u{BF}\u{DF}-\u{FF}\u{2000}-\u{206F}])(?:[0-9A-Za-z_'.\-]|[^\x00-\x7F\u{A0}-\u{BF}\u{2000}-\u{2017}\u{201A}-\u{206F}])*)";

/// The most words a name has.
const NAME_WORDS: usize = 4;

/// The last `n` words of a name written before what names it again.
fn last_words(text: &str, n: usize) -> &str {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    starts
        .len()
        .checked_sub(n)
        .filter(|&k| k > 0)
        .map_or(text, |k| &text[starts[k]..])
}

/// The first `n` words of a name written after what names it.
fn first_words(text: &str, n: usize) -> &str {
    let mut words = 0;
    for (i, c) in text.char_indices() {
        let ends_word = !c.is_whitespace()
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        if ends_word {
            words += 1;
            if words == n {
                return &text[..i + c.len_utf8()];
            }
        }
    }
    text
}

/// Two names the text says are one: "X, or Y as they are commonly known", "X, also
/// known as Y", "X, led by Y". Compiled only for a text that holds one of its words:
/// with four names of Unicode classes, it costs more to compile than a short run takes.
static ALSO_KNOWN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"{NAME},?\s+(?:or\s+{NAME}\s+as\s+(?:they|it)\s+(?:are|is)\s+(?:commonly\s+|widely\s+|often\s+)?known|(?:also\s+)?known\s+as\s+(?:the\s+)?{NAME}|(?:led|headed)\s+by\s+(?:Sir\s+|Dame\s+)?{NAME})"
    ))
    .expect("alias pattern compiles")
});

/// A name and its acronym: "the Norvale People's Alliance (NPA)".
static ACRONYM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(r"{NAME}\s+\((\p{{Lu}}{{2,6}})\)"))
        .expect("acronym pattern compiles")
});

/// Whether a text may say that two names are one "known as" or "led by" another.
fn may_alias(text: &str) -> bool {
    text.contains("known") || text.contains(" by ")
}

/// Whether a text may give a name's acronym in brackets: an opening bracket, two to six
/// capitals, a closing one. Most articles have brackets but no acronym in them, and the
/// pattern's capitals class is the costliest part of a short run to compile. Capitals
/// here are `char::is_uppercase`, a superset of the pattern's `\p{Lu}`, so no text the
/// pattern matches is passed over.
fn may_abbreviate(text: &str) -> bool {
    text.match_indices('(').any(|(i, _)| {
        for (capitals, c) in text[i + 1..].chars().enumerate() {
            if c == ')' {
                return (2..=6).contains(&capitals);
            }
            if !c.is_uppercase() || capitals == 6 {
                return false;
            }
        }
        false
    })
}

/// Builds now the patterns above that `sources` will need, and only those, so that a
/// thread with nothing else to do pays for them instead of the names' settling.
pub fn warm(sources: &[Source]) {
    let texts = || {
        sources
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(crate::source::Paragraph::text))
    };
    if texts().any(may_alias) {
        std::sync::LazyLock::force(&ALSO_KNOWN);
    }
    if texts().any(may_abbreviate) {
        std::sync::LazyLock::force(&ACRONYM);
    }
}

/// The names a paragraph says are one, each as the captures of one of the patterns
/// above: the main name first, then its other names.
fn aliases(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    let known = may_alias(text).then(|| ALSO_KNOWN.captures_iter(text));
    let acronym = may_abbreviate(text).then(|| ACRONYM.captures_iter(text));
    known
        .into_iter()
        .flatten()
        .chain(acronym.into_iter().flatten())
}

impl Names {
    pub const UNKNOWN: Names = Names {
        owners: BTreeMap::new(),
        written: BTreeMap::new(),
        by_source: BTreeMap::new(),
    };

    /// The owners named by a set of sources and their claims.
    pub fn of<'c>(sources: &[Source], claims: impl IntoIterator<Item = &'c Claim>) -> Names {
        let mut keys: BTreeSet<String> = BTreeSet::new();
        let mut written: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut note = |key: &str, text: &str| {
            let text = text
                .trim()
                .trim_start_matches("the ")
                .trim_start_matches("The ");
            written
                .entry(key.to_string())
                .or_default()
                .insert(text.to_string());
        };
        let mut by_source: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for claim in claims {
            if let Some(owner) = claim.frame.owner.as_deref().filter(|o| !o.starts_with('~')) {
                keys.insert(key(owner));
                note(&key(owner), owner);
                by_source
                    .entry(claim.source().to_string())
                    .or_default()
                    .insert(key(owner));
            }
        }
        let mut links: Vec<(String, String)> = Vec::new();
        for source in sources {
            for paragraph in source.paragraphs.iter() {
                for c in aliases(paragraph.text()) {
                    let written_main = last_words(&c[1], NAME_WORDS);
                    let main = key(written_main);
                    note(&main, written_main);
                    by_source
                        .entry(source.path.clone())
                        .or_default()
                        .insert(main.clone());
                    keys.insert(main.clone());
                    for other in [c.get(2), c.get(3), c.get(4)].into_iter().flatten() {
                        let other = first_words(other.as_str(), NAME_WORDS);
                        note(&key(other), other);
                        let other = key(other);
                        keys.insert(other.clone());
                        links.push((main.clone(), other));
                    }
                }
            }
        }
        Names {
            owners: group(&keys.into_iter().collect::<Vec<_>>(), &links),
            // Whatever the order of the files, the same spelling: the first alphabetically.
            written: written
                .into_iter()
                .filter_map(|(k, texts)| Some((k, texts.into_iter().next()?)))
                .collect(),
            by_source,
        }
    }

    /// The name a claim's owner is compared under, if it has one, as a key.
    pub fn owner(&self, claim: &Claim) -> Option<String> {
        let written = claim.frame.owner.as_deref()?;
        if let Some(noun) = written.strip_prefix('~') {
            // "the alliance": the name this source gives an owner ending in that noun.
            let noun = morphology::singular(noun);
            return self
                .by_source
                .get(claim.source())?
                .iter()
                .find(|k| k.rsplit(' ').next() == Some(noun.as_str()))
                .map(|k| self.owners.get(k).cloned().unwrap_or_else(|| k.clone()));
        }
        let key = key(written);
        Some(self.owners.get(&key).cloned().unwrap_or(key))
    }

    /// A key as the articles write it.
    pub fn spelled<'a>(&'a self, key: &'a str) -> &'a str {
        self.written.get(key).map_or(key, String::as_str)
    }
}

/// Unites the names that are one (by [`same`], or linked by the text), and names each
/// group by its shortest member.
fn group(keys: &[String], links: &[(String, String)]) -> BTreeMap<String, String> {
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    let unite = |parent: &mut Vec<usize>, i: usize, j: usize| {
        let (a, b) = (root(parent, i), root(parent, j));
        parent[a] = b;
    };
    // Names that are one by their words: few owners a set, so every pair is looked at.
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            if same(&keys[i], &keys[j]) {
                unite(&mut parent, i, j);
            }
        }
    }
    let index: BTreeMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    for (a, b) in links {
        if let (Some(&i), Some(&j)) = (index.get(a.as_str()), index.get(b.as_str())) {
            unite(&mut parent, i, j);
        }
    }
    let mut best: BTreeMap<usize, &str> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        let r = root(&mut parent, i);
        let entry = best.entry(r).or_insert(k);
        if (k.len(), k.as_str()) < (entry.len(), *entry) {
            *entry = k;
        }
    }
    keys.iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), best[&root(&mut parent, i)].to_string()))
        .collect()
}

/// A name's key: lower-case words, the last one singular ("Conservatives" and
/// "Conservative" meet), without "the" and a trailing "party".
pub fn key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| w != "the")
        .collect();
    // "Conservatives" and "the Tories" are one party; "Hamas", "Texas" and "Paris"
    // are no plurals: an -s after a vowel or another s ends many a name, and no
    // plural of one.
    if let Some(last) = words.last_mut() {
        let named_in_s = ["as", "is", "us", "os", "ss"]
            .iter()
            .any(|ending| last.ends_with(ending));
        if !named_in_s {
            *last = morphology::singular(last);
        }
    }
    if words.len() > 1 && words.last().is_some_and(|w| w == "party") {
        words.pop();
    }
    words.join(" ")
}

/// True when two keys name one owner: equal, one the beginning of the other ("labour",
/// "labour party"; not "uk" and "reform uk"), or one the initials of the other ("snp",
/// "scottish national").
pub fn same(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let long_words: Vec<&str> = long.split(' ').collect();
    let short_words: Vec<&str> = short.split(' ').collect();
    if long_words.starts_with(&short_words) {
        return true;
    }
    let initials: String = long_words.iter().filter_map(|w| w.chars().next()).collect();
    !short.contains(' ')
        && short.len() >= 2
        && (initials == short || format!("{initials}p") == short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse_all;

    #[test]
    fn names_are_one_by_their_words_and_initials() {
        assert!(same("labour", "labour"));
        assert!(same("labour", "labour party"));
        assert!(same("snp", "scottish national"));
        assert!(!same("labour", "conservative"));
        assert!(!same("uk", "reform uk"));
        assert_eq!(key("The Labour Party"), "labour");
        assert_eq!(key("Conservatives"), "conservative");
        assert_eq!(key("the Tories"), "tory");
        assert_eq!(key("Liberal Democrats"), "liberal democrat");
        assert_eq!(key("Hamas"), "hamas");
        assert_eq!(key("Texas"), "texas");
        assert_eq!(key("Paris"), "paris");
    }

    #[test]
    fn the_text_makes_names_one() {
        let sources = parse_all(&[
            ("a.txt", "Results\n\nThe Conservatives, or Tories as they are commonly known, lost."),
            ("b.txt", "Results\n\nLabour, led by Keir Starmer, won. The Norvale People's Alliance (NPA) held."),
        ]);
        let names = Names::of(&sources, &[]);
        assert_eq!(names.owners.get("conservative"), names.owners.get("tory"));
        assert_eq!(
            names.owners.get("keir starmer").map(String::as_str),
            Some("labour")
        );
        // Compared by key, shown as written.
        assert_eq!(names.spelled("conservative"), "Conservatives");
        assert_eq!(names.spelled("npa"), "NPA");
        assert_eq!(
            names.owners.get("norvale people's alliance"),
            names.owners.get("npa")
        );
    }

    #[test]
    fn a_name_is_its_four_words_nearest_what_names_it_again() {
        assert_eq!(
            last_words("Yesterday The Norvale People's Alliance", 4),
            "The Norvale People's Alliance"
        );
        assert_eq!(last_words("Labour", 4), "Labour");
        assert_eq!(
            first_words("Keir Starmer Said Monday Morning", 4),
            "Keir Starmer Said Monday"
        );
        assert_eq!(first_words("Phạm Thế Tùng", 4), "Phạm Thế Tùng");
        let sources = parse_all(&[
            (
                "a.txt",
                "Results\n\nOn Monday The Green Coast Movement, also known as Greens, held.",
            ),
            (
                "b.txt",
                "Results\n\nThe Đoàn Kết Party, led by Phạm Văn Đồng, won.",
            ),
        ]);
        let names = Names::of(&sources, &[]);
        assert_eq!(
            names.owners.get("green coast movement"),
            names.owners.get("green")
        );
        assert!(
            names.owners.contains_key("green coast movement"),
            "{:?}",
            names.owners
        );
        assert!(!names
            .owners
            .contains_key("on monday the green coast movement"));
        assert_eq!(
            names.owners.get("phạm văn đồng"),
            names.owners.get("đoàn kết")
        );
    }

    #[test]
    fn only_bracketed_capitals_may_be_an_acronym() {
        for text in [
            "the Alliance (NPA) won",
            "(AP) -",
            "Ligue (ÉCOLE)",
            "x (ΩΣ)",
            "(ABCDEF)",
        ] {
            assert!(may_abbreviate(text), "{text}");
        }
        for text in [
            "(in 2019)",
            "the (A) grade",
            "(ABCDEFG)",
            "(Npa)",
            "(NPA",
            "NPA)",
        ] {
            assert!(!may_abbreviate(text), "{text}");
        }
    }

    proptest::proptest! {
        // The gate may let through a text the pattern does not match, never the reverse.
        #[test]
        fn the_acronym_gate_passes_every_text_the_pattern_matches(
            text in "(the |Ab |Labour [(]|Ω ){1,2}[(](Ω|É|Ⅰ|ǅ|[A-Z]|[a-z]){0,8}[)]?( x|[()])?"
        ) {
            if ACRONYM.is_match(&text) {
                proptest::prop_assert!(may_abbreviate(&text), "{}", text);
            }
        }
    }
}
