//! Places: where a claim's figure holds, as its sentence names it.
//!
//! "Twenty-seven bodies were brought to a hospital in neighbouring Etah district" counts
//! the dead at Etah, a part of the toll; "36 deaths from Chooramala village alone" is a
//! village's share. This stage finds the place names a sentence gives after "in", "at",
//! "from" and "of" (through a possessive: "Uttar Pradesh's Hathras district"); which of
//! them are the event's own places, and so no part of it, is judged by the event stage
//! against the whole set of articles.

use crate::extract::view::View;

/// A place a sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceName {
    /// Its key: lower-case words, without "the", the place-kind words ("district") and
    /// what stands before a possessive.
    pub key: String,
    /// As written, for reports ("Etah district").
    pub text: String,
    /// Token index of its first word.
    pub token: usize,
    /// "alone" or "itself" after it: a share of the whole even where the whole is.
    pub emphatic: bool,
    /// Followed by a word for a kind of place ("Etah district"): a place whatever else.
    pub kind_word: bool,
    /// After "of" ("the governor of North Kivu"): whose office speaks, more often than
    /// where a count was made.
    pub after_of: bool,
}

/// Every place name of a sentence. "near" and "around" are left out: they place a thing
/// about a place, not in a part of it.
pub fn find(view: &View) -> Vec<PlaceName> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.len() {
        let Some(word) = view.word(i) else {
            i += 1;
            continue;
        };
        if !matches!(word, "in" | "at" | "from" | "of") {
            i += 1;
            continue;
        }
        let k = skip_adjectives(view, i + 1);
        match name_at(view, k, 0) {
            Some((mut name, last)) => {
                name.after_of = word == "of";
                out.push(name);
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Past the words between a preposition and a place's name that say nothing of which
/// place: the language's list, and a hyphenated compound in lower case ("in the
/// worst-hit Ludian County", "in rebel-held Goma").
fn skip_adjectives(view: &View, mut k: usize) -> usize {
    let compound = |w: &str| {
        w.contains('-')
            && w.split('-')
                .all(|p| !p.is_empty() && p.chars().all(char::is_lowercase))
    };
    while view
        .word(k)
        .is_some_and(|w| view.lang.place_adjectives.contains(w) || compound(w))
        && !view.is_capitalized(k)
    {
        k += 1;
    }
    k
}

/// Capitalised words from `k`, at most four, with the kind-of-place words after them.
/// `depth` bounds the look past an adjective ("the Serbian capital Belgrade").
fn name_at(view: &View, mut k: usize, depth: usize) -> Option<(PlaceName, usize)> {
    let mut start = k;
    let mut words: Vec<String> = Vec::new();
    let mut last = k;
    while words.len() < 4 && view.is_capitalized(k) {
        let lower = view.word(k)?;
        if view.lang.is_day_name(lower)
            || (words.is_empty() && view.lang.phrase_stops.contains(lower))
        {
            break;
        }
        // A possessive names the larger place: keep what follows it.
        let raw = view.raw(k);
        if raw.ends_with("'s") || raw.ends_with("’s") {
            words.clear();
            k = skip_adjectives(view, k + 1);
            start = k;
            last = k;
            continue;
        }
        words.push(lower.to_string());
        last = k;
        k += 1;
    }
    if words.is_empty() {
        return None;
    }
    // "the Serbian capital Belgrade": a capitalised word before a common noun is an
    // adjective; the place, if any, is named after that noun.
    // "Mundakkai and Chooralmala": a conjunction is no common noun.
    let common_next = view.word(last + 1).is_some_and(|w| {
        !view.lang.place_parts.contains(w)
            && !view.is_capitalized(last + 1)
            && !view.lang.phrase_stops.contains(w)
            && !view.lang.figure_joiners.contains(w)
    });
    if common_next && view.is_capitalized(last + 2) && depth == 0 {
        return name_at(view, last + 2, depth + 1);
    }
    let mut end = last;
    while view
        .word(end + 1)
        .is_some_and(|w| view.lang.place_parts.contains(w))
    {
        end += 1;
    }
    Some((
        PlaceName {
            key: words.join(" "),
            text: view.text[view.tokens[start].start..view.tokens[end].end].to_string(),
            token: start,
            emphatic: matches!(view.word(end + 1), Some("alone" | "itself")),
            kind_word: end > last,
            after_of: false,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::ENGLISH;

    fn keys(text: &str) -> Vec<(String, bool)> {
        let view = View::new(ENGLISH, text, 0, text.len());
        find(&view)
            .into_iter()
            .map(|p| (p.key, p.emphatic))
            .collect()
    }

    #[test]
    fn places_after_prepositions_and_possessives() {
        assert_eq!(
            keys("Twenty-seven bodies were brought to a hospital in neighbouring Etah district."),
            [("etah".to_string(), false)]
        );
        assert_eq!(
            keys("36 deaths have been reported from Chooramala village alone"),
            [("chooramala".to_string(), true)]
        );
        assert_eq!(
            keys("the toll rose in Uttar Pradesh's Hathras district"),
            [("hathras".to_string(), false)]
        );
        assert_eq!(
            keys("Tens of thousands gathered in the Serbian capital Belgrade on Saturday"),
            [("belgrade".to_string(), false)]
        );
        assert_eq!(
            keys("the governor of neighboring North Kivu province said"),
            [("north kivu".to_string(), false)]
        );
    }

    #[test]
    fn a_hyphenated_adjective_stands_before_a_place() {
        assert_eq!(
            keys("504 were in the worst-hit Ludian County and 72 in Qiaojia County."),
            [
                ("ludian county".to_string(), false),
                ("qiaojia county".to_string(), false)
            ]
        );
        assert_eq!(
            keys("Fighting resumed in rebel-held Goma."),
            [("goma".to_string(), false)]
        );
        // Of two places joined, the first is read, as the first of one place is.
        assert_eq!(
            keys("250 are missing from landslide-hit Mundakkai and Chooralmala."),
            [("mundakkai".to_string(), false)]
        );
        assert_eq!(
            keys("Food aid arrived by truck from Kano or Lagos on most days."),
            [("kano".to_string(), false)]
        );
        assert_eq!(
            keys("Wildfires have burned through forests in Attica and Evia this week."),
            [("attica".to_string(), false)]
        );
        // A capitalised compound is a name itself.
        assert_eq!(
            keys("Voters in Stoke-on-Trent turned out."),
            [("stoke-on-trent".to_string(), false)]
        );
    }

    #[test]
    fn months_title_case_and_common_words_are_not_places() {
        assert!(keys("in March the toll rose").is_empty());
        assert!(keys("in the capital the toll rose").is_empty());
        assert!(keys("Death Toll Rises In Mundakkai Village To 40").is_empty());
    }
}
