//! Morphology: the singular and the stem of a word, as counted nouns and context words
//! are matched. English's, for claims and rule terms alike: a rule's terms and the
//! claims they meet must be reduced the same way, so a second language needs its rules'
//! terms reduced by its own morphology too.

use super::lang::ENGLISH;

static STEMMER: std::sync::LazyLock<rust_stemmers::Stemmer> =
    std::sync::LazyLock::new(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));

/// A noun's singular, lower-case, American-spelled form: how counted nouns are matched.
/// Lighter than [`stem`], which would make "delegates" and "delegations" one word.
pub fn singular(word: &str) -> String {
    // Asked of every word near every figure: the one string made here is cut in place,
    // and the rarer rewrites are made only where they apply.
    let mut lower = word.to_lowercase();
    if lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    if lower.ends_with("'s") {
        lower.truncate(lower.len() - 2);
    }
    if lower.contains("isation") {
        lower = lower.replace("isation", "ization");
    }
    if lower.contains("organise") {
        lower = lower.replace("organise", "organize");
    }
    if let Some((_, one)) = ENGLISH
        .irregular_singulars
        .iter()
        .find(|(many, _)| *many == lower)
    {
        return (*one).to_string();
    }
    if lower.len() > "ies".len() + 1 && lower.ends_with("ies") {
        lower.truncate(lower.len() - "ies".len());
        lower.push('y');
        return lower;
    }
    if ["ches", "shes", "sses", "xes", "zes"]
        .iter()
        .any(|ending| lower.ends_with(ending))
    {
        lower.truncate(lower.len() - 2);
        return lower;
    }
    if lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && lower.chars().count() > 3
    {
        lower.truncate(lower.len() - 1);
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

    /// `singular` as first written, a new string per rewrite: the reading the one
    /// that cuts its string in place must keep.
    fn rewritten(word: &str) -> String {
        let lower = word.to_lowercase().replace('’', "'");
        let lower = lower.strip_suffix("'s").unwrap_or(&lower);
        let lower = lower
            .replace("isation", "ization")
            .replace("organise", "organize");
        if let Some((_, one)) = ENGLISH
            .irregular_singulars
            .iter()
            .find(|(many, _)| *many == lower)
        {
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

    #[test]
    fn short_and_edge_words_keep_their_singulars() {
        for word in [
            "ies",
            "ties",
            "lies",
            "flies",
            "bus",
            "gas",
            "this",
            "axes",
            "oxes",
            "Women's",
            "people’s",
            "organisations",
            "s",
            "'s",
            "",
        ] {
            assert_eq!(singular(word), rewritten(word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn singulars_are_what_the_rewrites_made(
            word in "[a-zA-Zé]{0,6}(?:ies|ches|shes|sses|xes|zes|us|is|ss|s|'s|’s|isation|organise|people|Women)?(?:'s|’s)?",
        ) {
            proptest::prop_assert_eq!(singular(&word), rewritten(&word));
        }
    }

    #[test]
    fn stems_meet_across_inflections_and_spellings() {
        assert_eq!(stem("voted"), stem("voting"));
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("organisations"), stem("organizations"));
        assert_eq!(stem("Volunteers"), stem("volunteer"));
        assert_ne!(stem("killed"), stem("injured"));
    }
}
