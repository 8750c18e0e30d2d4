//! Nouns: what a figure counts, and what happened to it.
//!
//! Without a part-of-speech tagger, the counted noun is found by shape: after the figure,
//! modifiers run until the first plural-looking word (the head: "press agencies",
//! "local, national and foreign charities"). When nothing is counted after
//! the figure ("the death toll rose to 112", "turnout was 64%"), the subject before it is
//! taken instead. The verb nearest the figure ("killed", "signed", "attended") says what
//! happened, which keeps deaths apart from injuries when no rule says so.

use crate::base::tokens::TokenKind;
use crate::extract::figures::{Figure, Unit, View};

/// The noun phrase a figure counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    /// The phrase as written ("domestic and foreign press agencies").
    pub phrase: String,
    /// Lower-case words of the phrase, last one the head.
    pub words: Vec<String>,
    /// Proper-noun modifiers or a named part of a place ("African", "Latin American",
    /// "capital"), which make the figure a sub-count of its own.
    pub qualifier: Option<String>,
    /// First and last token of the phrase.
    pub first: usize,
    pub last: usize,
    /// True when the phrase was found after the figure, false when it is the subject
    /// before it.
    pub after: bool,
    /// For a subject, the people its qualifying phrases restrict it to ("Egyptians" for
    /// "the death toll among pilgrims from Egypt"), by the plural name of the people.
    pub people: Option<&'static str>,
}

impl Counted {
    pub fn head(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }
}

/// Most modifiers a counted noun phrase holds before its head.
const MAX_MODIFIERS: usize = 5;

/// The phrase counted by `fig`, after it or else before it.
pub fn counted(view: &View, fig: &Figure) -> Option<Counted> {
    after_figure(view, fig).or_else(|| before_figure(view, fig))
}

fn after_figure(view: &View, fig: &Figure) -> Option<Counted> {
    let i = fig.last + 1;
    // Money and percentages: "$25 million in aid", "40% of voters".
    if fig.unit != Unit::Count {
        if view.is("in", i) || (view.is("of", i) && fig.unit == Unit::Percent) {
            let mut k = i + 1;
            if view
                .word(k)
                .is_some_and(|w| matches!(w, "the" | "a" | "an"))
            {
                k += 1;
            }
            return scan_phrase(view, k);
        }
        // "a 33.7% vote share": a verb-shaped word before a noun modifies the noun.
        let compound = view.word(i).is_some_and(|w| view.lang.looks_verb(w))
            && view
                .word(i + 1)
                .is_some_and(|w| !view.lang.phrase_stops.contains(w) && !view.lang.looks_verb(w));
        if compound {
            return Some(phrase(view, i, i + 1, true));
        }
        if view.word(i).is_some_and(|w| view.lang.looks_plural(w))
            || view
                .word(i)
                .is_some_and(|w| !view.lang.phrase_stops.contains(w) && !view.lang.looks_verb(w))
        {
            // "a 64% turnout", "$5m budget": fall through to the usual search.
        } else {
            return None;
        }
    }
    // "28 more bodies", "20 fewer seats": the plural noun after the word of increment
    // is counted (the frame makes the figure a change). With none after it ("injuring
    // 200 more", "making thousands more sick"), the search goes on as without it.
    if fig.unit == Unit::Count
        && view
            .word(i)
            .is_some_and(|w| view.lang.increments_before_noun.contains(w))
    {
        let plural = scan_phrase(view, i + 1).filter(|c| view.lang.looks_plural(c.head()));
        if plural.is_some() {
            return plural;
        }
    }
    // "42 of the 80 seats", "nine of the town's 11 schools": the part counts what the
    // total counts.
    if view.is("of", i) {
        let mut k = i + 1;
        while k < i + 4 && view.word(k).is_some_and(|w| is_determiner(view, w)) {
            k += 1;
        }
        if is_number_at(view, k) {
            let mut after_total = k + 1;
            if view
                .word(after_total)
                .and_then(|w| view.lang.scale(w))
                .is_some()
            {
                after_total += 1;
            }
            return scan_phrase(view, after_total);
        }
    }
    scan_phrase(view, i)
}

/// The finite verb of the clause a few words after a participle at `i`, if the words
/// between are its object ("visiting Mecca have died", "attending the rally were
/// hurt"); none across a comma or another figure.
fn finite_verb_after(view: &View, i: usize, clause: (usize, usize)) -> Option<String> {
    let finite = |w: &str| matches!(w, "have" | "has" | "had" | "were" | "was" | "are" | "is");
    for j in i + 1..=(i + 8).min(clause.1) {
        let word = view.word(j)?;
        if finite(word) {
            let mut k = j + 1;
            while view
                .word(k)
                .is_some_and(|w| matches!(w, "been" | "also" | "reportedly"))
            {
                k += 1;
            }
            return view
                .word(k)
                .filter(|w| view.lang.looks_verb(w))
                .map(str::to_string);
        }
        let past = view.lang.irregular_verbs.contains(word) || word.ends_with("ed");
        if past && view.lang.looks_verb(word) && !view.is_capitalized(j) {
            return Some(word.to_string());
        }
    }
    None
}

/// True when a figure, with its hedge, starts right after token `i`.
fn figure_follows(view: &View, i: usize) -> bool {
    let after_hedge = view.lang.hedges_before.iter().find_map(|h| {
        let n = h.words.len();
        (0..n)
            .all(|j| view.word(i + 1 + j) == Some(h.words[j]))
            .then_some(i + 1 + n)
    });
    is_number_at(view, after_hedge.unwrap_or(i + 1))
}

fn is_determiner(view: &View, word: &str) -> bool {
    view.lang.determiners.contains(word) || word.ends_with("'s") || word.ends_with("’s")
}

/// The first token from `k` on, up to `end`, that is not a determiner.
fn past_determiners(view: &View, mut k: usize, end: usize) -> usize {
    while k < end && view.word(k).is_some_and(|w| is_determiner(view, w)) {
        k += 1;
    }
    k
}

/// Marks that bound a clause, brackets aside.
const CLAUSE_MARKS: &[char] = &[',', ';', ':', '"', '“', '”', '—', '–'];

fn is_number_at(view: &View, k: usize) -> bool {
    view.tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Number)
        || view
            .word(k)
            .and_then(|w| view.lang.small_number(w))
            .is_some()
}

/// True when the figure is the whole in "42 of the 80 seats": what happened to the part
/// did not happen to the whole.
pub fn is_total_of_part(view: &View, fig: &Figure) -> bool {
    let mut k = fig.first;
    while k > 0 && fig.first - k < 4 {
        k -= 1;
        if view.is("of", k) {
            return k >= 1 && is_number_at(view, k - 1);
        }
        if !view.word(k).is_some_and(|w| is_determiner(view, w)) {
            return false;
        }
    }
    false
}

/// The noun phrase that starts at token `start`: modifiers up to the first plural head.
fn scan_phrase(view: &View, start: usize) -> Option<Counted> {
    // "6.2-magnitude quake", "10-storey blocks": a hyphen glued to the figure joins.
    let start = if start > 0
        && view.is_punct(start, &['-', '‑'])
        && view.glued(start - 1, start)
        && view.glued(start, start + 1)
    {
        start + 1
    } else {
        start
    };
    let mut i = start;
    let mut modifiers = 0;
    let mut last_word = None;
    while i < view.len() {
        match view.tokens[i].kind {
            TokenKind::Word => {
                let word = &*view.lower[i];
                if view.lang.phrase_stops.contains(word) || (word == "and" && i == start) {
                    break;
                }
                // "fell to 1.7% in September", "rose to 589 Wednesday": a day or a month
                // says when, and is never what a figure counts.
                if is_day_or_month(view, i) {
                    break;
                }
                // "polling stations", "voting booths": a gerund before a plural modifies it.
                let gerund_modifier = view.lang.looks_verb(word)
                    && view.word(i + 1).is_some_and(|next| {
                        view.lang.looks_plural(next) && !view.lang.looks_verb(next)
                    });
                // "quake kills 112", "collapse injures over 150": a word in -s that
                // takes a figure is a verb.
                let takes_figure = figure_follows(view, i);
                if takes_figure && view.lang.currency_word(word).is_none() {
                    break;
                }
                let is_head =
                    view.lang.looks_plural(word) || view.lang.currency_word(word).is_some();
                if is_head && !gerund_modifier {
                    return Some(phrase(view, start, extend_compound(view, i), true));
                }
                // "in emergency funding": an -ing word that ends the phrase after a
                // modifier is its head noun, not a verb.
                let gerund_head = word.ends_with("ing")
                    && last_word.is_some()
                    && view
                        .word(i + 1)
                        .is_none_or(|w| view.lang.phrase_stops.contains(w));
                if gerund_head {
                    return Some(phrase(view, start, i, true));
                }
                if view.lang.looks_verb(word) && !is_hyphenated_adjective(word) && !gerund_modifier
                {
                    break;
                }
                if word != "and" {
                    last_word = Some(i);
                }
                modifiers += 1;
                if modifiers > MAX_MODIFIERS {
                    break;
                }
            }
            TokenKind::Punct => {
                let joins = view.is_punct(i, &[',', '-', '‑', '/'])
                    && view
                        .word(i + 1)
                        .is_some_and(|w| !view.lang.phrase_stops.contains(w) && w != "and");
                if !joins || i == start {
                    break;
                }
            }
            _ => break,
        }
        i += 1;
    }
    // No plural head: the last word of a singular phrase ("a 6.4 magnitude earthquake",
    // "$25m in emergency funding").
    let last = last_word?;
    Some(phrase(view, start, last, true))
}

/// A weekday, or a month written as a name ("May", not the verb "may"), that is no part
/// of a longer name ("Black Friday sales", "Super Tuesday delegates").
fn is_day_or_month(view: &View, k: usize) -> bool {
    let in_name = k > 0 && view.is_capitalized(k - 1);
    !in_name
        && view.word(k).is_some_and(|w| {
            // "may" in lower case is the verb's.
            view.lang.is_day_name(w) && (view.is_capitalized(k) || !view.lang.is_month(w))
        })
}

/// A plural head followed by another plural noun heads a compound: "media outlets".
fn extend_compound(view: &View, head: usize) -> usize {
    let mut end = head;
    while end < head + 2
        && view.word(end + 1).is_some_and(|w| {
            view.lang.looks_plural(w)
                && !view.lang.looks_verb(w)
                && !view.lang.phrase_stops.contains(w)
                && !view.lang.irregular_plurals.contains(w)
        })
    {
        end += 1;
    }
    end
}

/// "well-known", "high-level", "hard-hit": hyphenated modifiers that end in -ed or -ing
/// are adjectives, not verbs.
fn is_hyphenated_adjective(word: &str) -> bool {
    word.contains('-')
}

fn before_figure(view: &View, fig: &Figure) -> Option<Counted> {
    let mut i = fig.first;
    let mut skipped = 0;
    while i > 0 && skipped < 4 {
        let prev = i - 1;
        match view.word(prev) {
            Some(w) if view.lang.linking_words.contains(w) => {
                i = prev;
                skipped += 1;
            }
            _ => break,
        }
    }
    // "Labour's voteshare, at 33.9%,", "a small share of the vote: 36 per cent": a
    // figure set off by a colon, or by a comma and "at", counts the noun right before
    // it. ("Octavio Dotel, 51," is an age, not a count of Dotels.)
    let set_off = i > 1
        && ((i == fig.first && view.is_punct(i - 1, &[':']))
            || (view.is("at", i) && view.is_punct(i - 1, &[',', ':'])))
        && view.word(i - 2).is_some();
    if set_off {
        i -= 1;
        skipped += 1;
    }
    if skipped == 0 || i == 0 {
        return None;
    }
    if let Some(open) = appositive_before(view, i) {
        i = open;
    }
    // A verb among the words passed ("has risen to", not a bare "at") has its subject
    // before it. That subject may stand far back, past phrases that qualify it: then
    // the words right before the verb end one of those phrases, not the subject.
    // Of the linking words, the ones that stop no phrase are verbs ("rose", "stood").
    let verb_passed = (i..fig.first).filter_map(|k| view.word(k)).any(|w| {
        view.lang.looks_verb(w)
            || view.lang.auxiliaries.contains(w)
            || !view.lang.phrase_stops.contains(w)
    });
    let near = near_subject(view, i);
    let far = if verb_passed {
        clause_subject(view, i - 1).or_else(|| {
            let (start, _) = near.as_ref()?;
            qualified_noun(view, *start)
        })
    } else {
        None
    };
    match (near, far) {
        (Some((start, counted)), Some(far)) if start <= far.last => Some(counted),
        (_, Some(far)) => Some(far),
        (near, None) => near.map(|(_, counted)| counted),
    }
}

/// The subject of a clause whose verb stands at `end + 1`, when its noun opens the
/// clause and a phrase that qualifies it follows: "The death toll *from the floods
/// that hit the north* has climbed to 230", "The number of people *killed in the
/// attack on Sunday* rose to 41", "... *on Lake Kivu (DRC)* has risen to 87". The
/// clause runs back from the verb to a clause mark, past bracketed asides.
fn clause_subject(view: &View, end: usize) -> Option<Counted> {
    let mut start = end + 1;
    let mut depth = 0usize;
    while start > 0 {
        let k = start - 1;
        if view.is_punct(k, &[')', ']']) {
            depth += 1;
        } else if view.is_punct(k, &['(', '[']) {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 && view.is_punct(k, CLAUSE_MARKS) {
            break;
        }
        start = k;
    }
    let start = past_dateline(view, start, end);
    let start = past_determiners(view, past_reported_speech(view, start, end), end);
    // The noun and its modifiers: the words up to the first that stops a phrase.
    let mut head = None;
    let mut k = start;
    while k < end && k - start < 4 && is_noun_word(view, k) {
        head = Some(k);
        k += 1;
    }
    let head = head?;
    let next = view.word(head + 1)?;
    if !opens_qualifying_phrase(view, next) || !only_qualifies(view, head, end) {
        return None;
    }
    let mut counted = phrase(view, start, head, false);
    counted.qualifier = None;
    // "The number of people killed ...": the thing counted is the noun after "of",
    // and the phrase runs to it.
    if next == "of" {
        let first = past_determiners(view, head + 2, end);
        // A participle before its noun modifies it ("of affected individuals"); one
        // after it opens a phrase of its own ("of people killed in ...").
        let modifies = |k: usize| {
            view.word(k).is_some_and(|w| view.lang.looks_verb(w)) && is_noun_word(view, k + 1)
        };
        let last = (first..end)
            .take_while(|&k| is_noun_word(view, k) || modifies(k))
            .take(4)
            .last();
        if let Some(last) = last {
            let words = (first..=last)
                .filter_map(|k| view.word(k).map(str::to_string))
                .collect();
            counted = phrase(view, start, last, false);
            counted.words = words;
            counted.qualifier = None;
        }
    }
    counted.qualifier = group_of_subject(view, head + 1, end);
    counted.people = people_of_subject(view, head + 1, end);
    Some(counted)
}

/// Most tokens of a dateline's place ("NAIROBI, Kenya") or agency ("(Associated Press)").
const DATELINE_REACH: usize = 6;

/// Where a clause's own words start, past a dateline that opens it: "(AP) The number
/// ...", "GENEVA (Reuters) - The number ...", "LONDON - The toll ...", and "Kenya (AP)
/// The number ..." after the comma of "NAIROBI, Kenya". A dateline is a place in
/// capitalised words, or none, then an agency in brackets or a dash, or both. Anything
/// else leaves `start` as it is. (A subject followed by a bracket or a dash, "Deaths
/// (including children) rose", had no far reading before this either.)
fn past_dateline(view: &View, start: usize, end: usize) -> usize {
    let mut k = start;
    if view.starts_upper(k) {
        k += 1;
        while k < end
            && k - start < DATELINE_REACH
            && (view.starts_upper(k) || view.is_punct(k, &[',']))
        {
            k += 1;
        }
    }
    let mut marked = false;
    if view.is_punct(k, &['(']) {
        let Some(close) =
            (k + 1..end.min(k + 1 + DATELINE_REACH)).find(|&c| view.is_punct(c, &[')']))
        else {
            return start;
        };
        k = close + 1;
        marked = true;
    }
    if view.is_punct(k, &['-', '‑', '—', '–']) {
        k += 1;
        marked = true;
    }
    if marked && k < end {
        k
    } else {
        start
    }
}

/// Where the clause that a verb of saying takes as its object starts, when one does
/// between `start` and `end`: "Officials said *the number of people killed in the quake*
/// rose to 2,000", "He added that *the toll* ...". One or two words of the verb's own
/// object or time may come first ("told reporters the number ...", "said Sunday that
/// the toll ..."). Its subject is the figure's verb's, not the sayer. A verb of saying
/// that a noun phrase or "that" does not follow is a participle ("the cases reported in
/// the outbreak"), and leaves `start` as it is.
pub(crate) fn past_reported_speech(view: &View, start: usize, end: usize) -> usize {
    /// Most words between a verb of saying and its clause.
    const OBJECT: usize = 2;
    let clause_at = |k: usize| {
        view.word(k)
            .is_some_and(|w| w == "that" || is_determiner(view, w))
    };
    (start..end)
        .rev()
        .filter(|&k| {
            view.word(k)
                .is_some_and(|w| view.lang.reporting_verbs.contains(w))
        })
        .find_map(|k| {
            let opening = (k + 1..=k + 1 + OBJECT)
                .take_while(|&j| j == k + 1 || is_noun_word(view, j - 1))
                .find(|&j| clause_at(j))?;
            Some(if view.is("that", opening) {
                opening + 1
            } else {
                opening
            })
        })
        .unwrap_or(start)
}

/// Whether the tokens after a noun at `head`, up to `end`, only qualify it: phrases
/// opening on an origin preposition or on a participle ("killed in the attack",
/// "carrying men and goods"), bracketed asides, or a relative clause ("that hit the
/// north"). A finite verb ("said", "showed", "were"), or a noun phrase that follows
/// another, opens a clause of its own, whose subject the noun is not.
fn only_qualifies(view: &View, head: usize, end: usize) -> bool {
    let mut k = head + 1;
    while k <= end {
        if view.is_punct(k, &['(']) {
            let Some(close) = (k + 1..=end).find(|&c| view.is_punct(c, &[')'])) else {
                return false;
            };
            k = close + 1;
            continue;
        }
        let Some(word) = view.word(k) else {
            return false;
        };
        if view.lang.relative_pronouns.contains(word) {
            return true;
        }
        // "The toll in the incident so far is 116": an adverb after the phrases.
        if let Some(length) = subject_adverb_at(view, k) {
            k += length;
            continue;
        }
        // A past participle takes a phrase ("killed in", "found in"), not an object:
        // "data showed unemployment" is a clause. A present one may take either.
        let before_phrase = view
            .word(k + 1)
            .is_some_and(|w| opens_qualifying_phrase(view, w));
        let participle = view.lang.looks_verb(word) && (word.ends_with("ing") || before_phrase);
        if !participle && !opens_qualifying_phrase(view, word) {
            return false;
        }
        k += 1;
        // The phrase's noun: determiners first, then its words, figures and names, and
        // plurals joined by "and" as one ("men and goods"; not "on Monday and
        // attendance", where a clause starts).
        k = past_determiners(view, k, end + 1);
        let plural = |k: usize| view.word(k).is_some_and(|w| view.lang.looks_plural(w));
        while k <= end
            && (is_noun_word(view, k)
                || is_number_at(view, k)
                || view.is("and", k) && plural(k - 1) && plural(k + 1))
        {
            k += 1;
        }
    }
    true
}

/// The group a subject's qualifying phrases restrict its figure to, between `from` and
/// `end`: "The toll *among children* has climbed to 17" is children's toll, "Labour's
/// share of the vote *among women* was 40%" women's share. Only a group of the
/// language's `group_classes`, by its class ("female" for "women"), as parts of a whole
/// go: "among civilians" or "among pilgrims" may name the event's whole population.
fn group_of_subject(view: &View, from: usize, end: usize) -> Option<String> {
    let opening = (from..=end).find(|&k| {
        view.word(k)
            .is_some_and(|w| view.lang.group_prepositions.contains(w))
    })?;
    let first = past_determiners(view, opening + 1, end + 1);
    let last = (first..=end)
        .take_while(|&k| is_noun_word(view, k))
        .last()?;
    view.lang.group_class(view.word(last)?).map(str::to_string)
}

/// The people a subject's qualifying phrases, between `from` and `end`, restrict its
/// figure to: a people's plural name ("the toll among Egyptians"), its adjective before
/// a noun for people ("deaths among Egyptian pilgrims"), or a country people come from
/// ("the number of pilgrims from Egypt"). Places where things happen ("the floods in
/// Kenya") are the frame's to read.
fn people_of_subject(view: &View, from: usize, end: usize) -> Option<&'static str> {
    let people_noun = |k: usize| {
        view.word(k)
            .is_some_and(|w| view.lang.in_class("people", w))
    };
    (from..=end).find_map(|k| {
        if !view.is_capitalized(k) {
            return None;
        }
        let raw = view.raw(k);
        let named = view
            .lang
            .demonym(raw)
            .filter(|people| people.eq_ignore_ascii_case(raw) || people_noun(k + 1));
        let origin = (k >= 2 && view.is("from", k - 1) && people_noun(k - 2))
            .then(|| view.lang.demonym_of(raw))
            .flatten();
        named.or(origin)
    })
}

/// A preposition that opens a phrase qualifying the noun before it: one of origin
/// ("from", "in", "of") or another ("among", "without", "after").
fn opens_qualifying_phrase(view: &View, word: &str) -> bool {
    view.lang.origin_prepositions.contains(word) || view.lang.qualifying_prepositions.contains(word)
}

/// How many tokens an adverb that may stand between a subject's phrases and its verb
/// takes from token `k` ("still", "so far").
fn subject_adverb_at(view: &View, k: usize) -> Option<usize> {
    view.lang.subject_adverbs.words().iter().find_map(|adverb| {
        adverb
            .split(' ')
            .enumerate()
            .all(|(j, w)| view.word(k + j) == Some(w))
            .then(|| adverb.split(' ').count())
    })
}

/// The noun that the phrase opening at token `start` qualifies, through every
/// prepositional phrase before it but "of" (whose noun is the one counted): "said
/// the casualty count *from the storms across the region* stood at 96".
fn qualified_noun(view: &View, start: usize) -> Option<Counted> {
    let mut opening = start;
    let mut found = None;
    loop {
        let mut k = opening;
        while k > 0 && view.word(k - 1).is_some_and(|w| is_determiner(view, w)) {
            k -= 1;
        }
        let Some(preposition) = k.checked_sub(1).and_then(|p| view.word(p)) else {
            break;
        };
        if preposition == "of" || !view.lang.origin_prepositions.contains(preposition) {
            break;
        }
        let Some(head) = k.checked_sub(2).filter(|&h| is_noun_word(view, h)) else {
            break;
        };
        let mut first = head;
        while first > 0 && head - first < 3 && is_noun_word(view, first - 1) {
            first -= 1;
        }
        // Only a noun phrase that a determiner opens is sure to be one: "Earlier in
        // the day" and "pulled survivors from" are not.
        let determined = first
            .checked_sub(1)
            .and_then(|d| view.word(d))
            .is_some_and(|w| is_determiner(view, w));
        if !determined {
            break;
        }
        found = Some((first, head));
        opening = first;
    }
    let (first, head) = found?;
    let mut counted = phrase(view, first, head, false);
    counted.qualifier = None;
    Some(counted)
}

/// A word that may be part of a noun phrase: no word that stops one, no verb but a
/// plural, no figure.
fn is_noun_word(view: &View, k: usize) -> bool {
    view.word(k).is_some_and(|w| {
        let verb = view.lang.looks_verb(w) && !view.lang.looks_plural(w);
        !view.lang.phrase_stops.contains(w) && !verb
    }) && !is_number_at(view, k)
}

/// The subject right before a verb at token `i`: up to three words back, through "in
/// the capital" or "of dead", with the token it starts at.
fn near_subject(view: &View, i: usize) -> Option<(usize, Counted)> {
    let end = i - 1;
    let word = view.word(end)?;
    if view.lang.phrase_stops.contains(word)
        || (view.lang.looks_verb(word) && !view.lang.looks_plural(word))
    {
        return None;
    }
    let mut start = end;
    while start > 0 && end - start < 4 {
        let Some(w) = view.word(start - 1) else { break };
        let joins = matches!(w, "in" | "across" | "the" | "of")
            || (!view.lang.phrase_stops.contains(w) && !view.lang.looks_verb(w));
        if !joins {
            break;
        }
        start -= 1;
    }
    while start < end
        && view
            .word(start)
            .is_some_and(|w| view.lang.phrase_stops.contains(w))
    {
        start += 1;
    }
    let mut counted = phrase(view, start, end, false);
    // A subject's capitalised words name the event ("Halvera quake toll"), not a part
    // of the count; only a place after "in" qualifies it, below.
    counted.qualifier = None;
    // "number of dead": the thing counted is after "of"; "turnout in the capital": the
    // head is before "in" and the place qualifies it.
    let words: Vec<&str> = (start..=end).filter_map(|k| view.word(k)).collect();
    if let Some(pos) = words
        .iter()
        .position(|w| matches!(*w, "in" | "across" | "at"))
    {
        let locality: Vec<&str> = words[pos + 1..]
            .iter()
            .copied()
            .filter(|w| *w != "the")
            .collect();
        let head_words: Vec<String> = words[..pos].iter().map(|w| (*w).to_string()).collect();
        if !head_words.is_empty() {
            counted.words = head_words;
            // "turnout in the capital" is a local figure; "turnout across the region"
            // the whole. A place's name ("turnout in Lindhaven") is for the frame's
            // places and the event to judge.
            let local = locality
                .iter()
                .any(|w| view.lang.locality_words.contains(w));
            counted.qualifier = local
                .then(|| locality.join(" "))
                .or(counted.qualifier.take());
        }
    } else if let Some(pos) = words.iter().position(|w| *w == "of") {
        let rest: Vec<String> = words[pos + 1..]
            .iter()
            .filter(|w| !matches!(**w, "the" | "a"))
            .map(|w| (*w).to_string())
            .collect();
        if !rest.is_empty() {
            counted.words = rest;
        }
    }
    Some((start, counted))
}

/// Longest aside between a subject and its verb that is looked past.
const APPOSITIVE_REACH: usize = 8;

/// Where an aside set off by commas opens, when one ends right before token `i`: "the
/// total at the morgue, one of the largest in Mecca, was 550", "the toll, according to
/// officials, stood at 116". An aside that holds a figure or a clause end is no aside;
/// "one of the largest" holds no figure.
fn appositive_before(view: &View, i: usize) -> Option<usize> {
    if i < 3 || !view.is_punct(i - 1, &[',']) {
        return None;
    }
    let reach = (i - 1).saturating_sub(APPOSITIVE_REACH + 1);
    for k in (reach..i - 1).rev() {
        if view.is_punct(k, &[',']) {
            return (k + 1 < i - 1 && view.word(k.checked_sub(1)?).is_some()).then_some(k);
        }
        let ends_clause = view.is_punct(k, &['.', ';', ':', '!', '?', '(', ')']);
        // A figure in digits or words ("two brothers from Dalmor"), but the "one" of
        // "one of the largest".
        let figure = view
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number)
            || is_number_at(view, k) && !(view.is("one", k) && view.is("of", k + 1))
            || view
                .word(k)
                .is_some_and(|w| view.lang.vague_first_words.contains(w));
        if ends_clause || figure {
            return None;
        }
    }
    None
}

fn phrase(view: &View, first: usize, last: usize, after: bool) -> Counted {
    let start = view.tokens[first].start;
    let end = view.tokens[last].end;
    let words: Vec<String> = (first..=last)
        .filter_map(|k| view.word(k).map(str::to_string))
        .filter(|w| w != "and" && w != "or")
        .collect();
    let head_capitalized = view.is_capitalized(last);
    // A capital that starts a sentence or follows a colon or quote says nothing.
    let starts_sentence = |k: usize| k == 0 || view.is_punct(k - 1, &[':', '"', '“', '(']);
    let proper: Vec<&str> = (first..last)
        .filter(|&k| view.is_capitalized(k) && !starts_sentence(k))
        .map(|k| view.raw(k))
        .collect();
    let qualifier = (!head_capitalized && !proper.is_empty()).then(|| proper.join(" "));
    Counted {
        phrase: view.text[start..end].to_string(),
        words,
        qualifier,
        first,
        last,
        after,
        people: None,
    }
}

/// Where a figure holds, when a named part of a place makes it a count of its own: a
/// part attached to the counted noun ("1,100 homes in the capital") or a sentence that
/// opens on one ("In the capital, ...", "There, ..."). Places' names and years are the
/// frame's to read.
pub fn locality(view: &View, counted: Option<&Counted>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = counted.filter(|c| c.after) {
        if view.is("in", c.last + 1) {
            if let Some(locality) = locality_at(view, c.last + 2, 3) {
                parts.push(locality);
            }
        }
    }
    if let Some(opening) = opening_locality(view) {
        parts.push(opening);
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A named part of a place from `start` ("the capital"), at most `max` words (after an
/// optional "the"). A place's own name is the frame's to read.
fn locality_at(view: &View, start: usize, max: usize) -> Option<String> {
    let mut k = start;
    if view.is("the", k) {
        k += 1;
    }
    let mut words = Vec::new();
    while words.len() < max {
        let Some(word) = view.word(k) else { break };
        if view.lang.locality_words.contains(word) {
            words.push(view.raw(k).to_string());
            k += 1;
        } else {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// "In Korvath district alone, ...", "In the capital, ...", "There, ...".
fn opening_locality(view: &View) -> Option<String> {
    let first = view.word(0)?;
    if matches!(first, "there" | "here") && view.is_punct(1, &[',']) {
        return Some(first.to_string());
    }
    if first != "in" {
        return None;
    }
    let mut k = 1;
    if view.is("the", k) {
        k += 1;
    }
    let mut words = Vec::new();
    while let Some(word) = view.word(k) {
        if word == "alone" {
            k += 1;
            break;
        }
        if !(view.is_capitalized(k) || view.lang.locality_words.contains(word)) || words.len() == 4
        {
            return None;
        }
        words.push(view.raw(k).to_string());
        k += 1;
    }
    // A place's own name ("In Scotland,") is the frame's to read.
    let named_place = words
        .iter()
        .any(|w| view.lang.locality_words.contains(&w.to_lowercase()));
    (named_place && view.is_punct(k, &[','])).then(|| words.join(" "))
}

/// The clause around a figure: the tokens between the punctuation that bounds it, widened
/// to take in its counted phrase. Used for context words and the scope.
pub fn clause(view: &View, first: usize, last: usize) -> (usize, usize) {
    let bound =
        |i: usize| view.is_punct(i, CLAUSE_MARKS) || view.is_punct(i, &['(', ')', '[', ']']);
    let mut start = first;
    while start > 0 && !bound(start - 1) {
        start -= 1;
    }
    let mut end = last;
    while end + 1 < view.len() && !bound(end + 1) {
        end += 1;
    }
    (start, end)
}

/// The verb that says what happened to the counted thing: after the phrase ("72
/// countries *signed*", "people who were *killed*") or before the figure ("*killing*
/// 112 people", "*attended* by 2,500").
pub fn action(
    view: &View,
    fig: &Figure,
    counted: Option<&Counted>,
    clause: (usize, usize),
) -> Option<String> {
    let after_start = counted
        .filter(|c| c.after)
        .map_or(fig.last + 1, |c| c.last + 1);
    let mut i = after_start;
    let mut steps = 0;
    let mut crossed_origin = false;
    while i <= clause.1 && steps < 4 {
        let Some(word) = view.word(i) else { break };
        if view.lang.auxiliaries.contains(word) || word.ends_with("ly") {
            i += 1;
            steps += 1;
            continue;
        }
        if view.lang.looks_verb(word) {
            // "500 people visiting Mecca have died": a participle that describes the
            // things, and the verb of the clause after it.
            if word.ends_with("ing") {
                if let Some(main) = finite_verb_after(view, i, clause) {
                    return Some(main);
                }
            }
            return Some(word.to_string());
        }
        // "72 countries from around the world signed": one short phrase of origin may
        // stand between the things and their verb. A figure inside it ("from 110
        // countries") counts something else, whose verb that would be.
        // Only past forms are taken there: "42% of the vote" holds a noun that could
        // be a verb, and no counted phrase.
        let counted_after = counted.is_some_and(|c| c.after);
        if counted_after
            && !crossed_origin
            && steps == 0
            && view.lang.origin_prepositions.contains(word)
        {
            crossed_origin = true;
            let end = (i + 5).min(clause.1);
            let past = |w: &str| {
                view.lang.looks_verb(w)
                    && (view.lang.irregular_verbs.contains(w) || w.ends_with("ed"))
            };
            // "of the United Nations": a capitalised word is a name's.
            let verb =
                (i + 1..=end).find(|&j| view.word(j).is_some_and(past) && !view.is_capitalized(j));
            let Some(verb) = verb else { break };
            let figure_at = |j: usize| {
                view.raw(j).starts_with(|c: char| c.is_ascii_digit())
                    || view
                        .word(j)
                        .is_some_and(|w| view.lang.number_words.contains(w))
            };
            if (i + 1..verb).any(figure_at) {
                break;
            }
            i = verb;
            continue;
        }
        break;
    }
    let mut i = fig.first;
    let mut steps = 0;
    while i > clause.0 && steps < 3 {
        i -= 1;
        steps += 1;
        let Some(word) = view.word(i) else { break };
        // "injured another 40": the word that makes the figure a further group stands
        // between it and its verb as an article would.
        if matches!(word, "by" | "the" | "a" | "an" | "to" | "with")
            || view.lang.increments_before.contains(word)
        {
            continue;
        }
        // Headlines speak in the present: "roof collapse injures over 150".
        let present = i + 1 == fig.first
            && word.len() > 4
            && view.lang.looks_plural(word)
            && !view.lang.phrase_stops.contains(word)
            && !view.lang.number_words.contains(word)
            && !view.is_capitalized(i)
            && view
                .word(i.wrapping_sub(1))
                .is_some_and(|w| !view.lang.determiners.contains(w));
        if view.lang.looks_verb(word) || present {
            return Some(word.to_string());
        }
        break;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figures;

    fn counted_of(text: &str) -> Vec<(String, String, Option<String>)> {
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
        figures::find(&view)
            .iter()
            .map(|f| {
                let c = counted(&view, f).unwrap_or_default();
                (c.phrase.clone(), c.head().to_string(), c.qualifier.clone())
            })
            .collect()
    }

    fn heads(text: &str) -> Vec<String> {
        counted_of(text).into_iter().map(|(_, h, _)| h).collect()
    }

    #[test]
    fn the_head_is_the_first_plural_after_the_figure() {
        assert_eq!(
            heads("300 volunteers from 45 aid agencies"),
            ["volunteers", "agencies"]
        );
        assert_eq!(
            counted_of("80 local, national and foreign charities, and 20 more")[0].0,
            "local, national and foreign charities"
        );
        assert_eq!(heads("45 public and private aid agencies"), ["agencies"]);
        assert_eq!(heads("4 high-level sessions were held"), ["sessions"]);
        assert_eq!(heads("1,200 people were killed"), ["people"]);
        assert_eq!(heads("one child died"), ["child"]);
        assert_eq!(heads("Magnitude 6.4 quake kills 112")[0], "quake");
        assert_eq!(heads("6.2 tremor hits 3 villages")[0], "tremor");
        assert_eq!(heads("roof collapse kills 79 injures over 150")[0], "");
    }

    #[test]
    fn a_day_or_a_month_is_never_what_a_figure_counts() {
        assert_eq!(heads("The death toll rose to 589 Wednesday."), ["toll"]);
        assert_eq!(heads("Inflation fell to 1.7% in September."), ["inflation"]);
        assert_eq!(heads("Shares rose 31% on Tuesday morning."), ["shares"]);
        for text in ["Shares were down 4% Friday.", "Prices rose 0.4% in March."] {
            let found = heads(text);
            assert!(
                found.iter().all(|h| h != "friday" && h != "march"),
                "{text}: {found:?}"
            );
        }
        // A month's name that is also a verb, in lower case, is the verb's business.
        assert_eq!(
            heads("Police said 200 march organisers were held."),
            ["organisers"]
        );
        // A day inside a longer name is the name's.
        assert_eq!(
            heads("Shoppers spent $9.8 billion in Black Friday sales this year."),
            ["sales"]
        );
        assert_eq!(
            heads("Biden won about 1,400 Super Tuesday delegates across the southern states."),
            ["delegates"]
        );
    }

    #[test]
    fn proper_modifiers_qualify_the_count() {
        let found =
            counted_of("from 14 Nordic- Baltic ports, 9 Spanish ports to 6 North African ports");
        let qualifiers: Vec<Option<String>> = found.into_iter().map(|(_, _, q)| q).collect();
        assert_eq!(
            qualifiers,
            [
                Some("Nordic Baltic".to_string()),
                Some("Spanish".to_string()),
                Some("North African".to_string())
            ]
        );
        assert_eq!(counted_of("57 ports closed")[0].2, None);
    }

    #[test]
    fn without_a_noun_after_the_subject_before_counts() {
        assert_eq!(heads("The death toll rose to 112 on Sunday."), ["toll"]);
        assert_eq!(heads("Turnout was 64% across the region."), ["turnout"]);
        assert_eq!(heads("the number of dead stood at 40."), ["dead"]);
        let capital = counted_of("Turnout in the capital was 48%.");
        assert_eq!(capital[0].1, "turnout");
        assert_eq!(capital[0].2.as_deref(), Some("capital"));
    }

    #[test]
    fn the_subject_is_read_past_an_aside() {
        assert_eq!(
            heads("The death toll, according to officials, stood at 116."),
            ["toll"]
        );
        assert_eq!(heads("The crowd, police said, was about 5,000."), ["crowd"]);
        // The total is what was 550; the morgue is where.
        assert_eq!(
            heads("the total at the morgue, one of the largest in Mecca, was 550."),
            ["total"]
        );
    }

    #[test]
    fn a_far_subject_is_read_past_the_phrases_that_qualify_it() {
        for (text, head) in [
            (
                "The death toll from the floods that hit the north has climbed to 230.",
                "toll",
            ),
            (
                "The number of people killed in the attack on the market on Sunday rose to 41.",
                "people",
            ),
            (
                "The death toll from the sinking of a boat on Lake Kivu in the Democratic Republic of Congo (DRC) has risen to 87.",
                "toll",
            ),
            (
                "Officials said the casualty count from the storms across the region stood at 96.",
                "count",
            ),
            (
                "The total number of bodies found in the river is 75.",
                "bodies",
            ),
            (
                "The number of people who lost their homes in the floods has reached 3,000.",
                "people",
            ),
            (
                "The number of families whose homes were destroyed rose to 412.",
                "families",
            ),
            (
                "The toll from the fire, which broke out on Monday night, has risen to 19.",
                "toll",
            ),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
    }

    #[test]
    fn a_far_subject_is_read_past_any_preposition_s_phrase_and_an_adverb() {
        for (text, head) in [
            // Prepositions besides those of origin.
            ("Casualties among civilians rose to 30.", "casualties"),
            ("The number of homes without power reached 2,000.", "homes"),
            ("The toll among children has climbed to 17.", "toll"),
            (
                "The number of arrests during the protests has climbed to 200.",
                "arrests",
            ),
            (
                "The number of people killed by the storm rose to 40.",
                "people",
            ),
            ("Turnout among young voters was 40%.", "turnout"),
            // An adverb after the phrases, before the verb.
            ("The toll in the incident so far is 116.", "toll"),
            ("The toll after the floods still stands at 282.", "toll"),
            (
                "The count of homes with damage has now reached 1,500.",
                "homes",
            ),
            (
                "The number of cases in the province to date is 540.",
                "cases",
            ),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
        // A preposition's phrase after the object of "put" is no subject's; a finite
        // verb after the opening noun's phrase still opens a clause of its own.
        for (text, head) in [
            ("Police with the ministry put the toll at 87.", "toll"),
            (
                "Officials near the site said the death toll had risen to 45.",
                "toll",
            ),
            (
                "Rescuers with dogs pulled 30 people from the rubble.",
                "people",
            ),
            ("The number of injured in the crash was 12.", "injured"),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
    }

    #[test]
    fn the_clause_a_verb_of_saying_takes_has_its_own_subject() {
        for (text, head) in [
            (
                "Officials said the number of people killed in the quake rose to 2,000.",
                "people",
            ),
            (
                "He added that the number of bodies recovered from the river had reached 75.",
                "bodies",
            ),
            (
                "The ministry announced that the count of homes destroyed by the fire was 300.",
                "homes",
            ),
            (
                "The governor confirmed the toll from the landslides in the district had climbed to 225.",
                "toll",
            ),
            (
                "Police told reporters the number of people arrested during the protest stood at 60.",
                "people",
            ),
            (
                "The mayor said Sunday that the number of homes destroyed in the fire had reached 300.",
                "homes",
            ),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
        // A participle of saying takes no clause, and a figure with its own noun or
        // its near subject keeps it.
        for (text, head) in [
            (
                "The number of cases reported in the outbreak has risen to 540.",
                "cases",
            ),
            ("Police said the crowd was about 5,000.", "crowd"),
            ("Officials said 40 people were killed.", "people"),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
    }

    #[test]
    fn a_group_among_the_subject_s_phrases_qualifies_its_figure() {
        let read = |text: &str| -> (String, Option<String>) {
            let found = counted_of(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            (found[0].1.clone(), found[0].2.clone())
        };
        for (text, head, group) in [
            (
                "The toll among children has climbed to 17.",
                "toll",
                "children",
            ),
            ("Deaths among women rose to 23.", "deaths", "female"),
            (
                "Labour's share of the vote among women was 40%.",
                "share",
                "female",
            ),
            (
                "Support for the party among men stood at 38%.",
                "support",
                "male",
            ),
            (
                "The number of infections among young children has reached 300.",
                "infections",
                "children",
            ),
        ] {
            assert_eq!(
                read(text),
                (head.to_string(), Some(group.to_string())),
                "{text}"
            );
        }
        // A group the language does not list may be the event's whole population;
        // a group after another preposition is not read as one.
        for (text, head) in [
            ("Casualties among civilians rose to 30.", "casualties"),
            ("The death toll among pilgrims now stands at 1,301.", "toll"),
            ("The number of cases in children has reached 300.", "cases"),
        ] {
            assert_eq!(read(text), (head.to_string(), None), "{text}");
        }
    }

    #[test]
    fn a_dateline_is_no_part_of_the_subject() {
        for (text, head) in [
            (
                "(AP) The number of people killed in the blast rose to 41.",
                "people",
            ),
            (
                "GENEVA (Reuters) - The number of cases reported in the outbreak has risen to 540.",
                "cases",
            ),
            (
                "LONDON - The death toll from the storms across the country has climbed to 12.",
                "toll",
            ),
            (
                "NAIROBI, Kenya (AP) The number of people killed in the floods rose to 40.",
                "people",
            ),
            (
                "(Reuters) - The death toll from the fire in the market climbed to 15.",
                "toll",
            ),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
        // A name in brackets is no dateline when no place in capitals or no dash
        // frames it: the subject is read as before.
        for (text, not) in [
            (
                "Officials (of the ministry) said deaths in the region rose to 40.",
                "deaths",
            ),
            (
                "The WHO (World Health Organization) put the toll at 87.",
                "toll",
            ),
        ] {
            assert_eq!(heads(text), [not], "{text}");
        }
    }

    #[test]
    fn a_near_subject_stands_where_no_verb_or_no_qualifying_phrase_is_passed() {
        // No verb between the noun and the figure: "the toll" is the object of "put".
        assert_eq!(
            heads("The ministry of health put the toll at 87."),
            ["toll"]
        );
        // The subject right before its verb keeps its own reading.
        assert_eq!(heads("The toll in the capital rose to 45."), ["toll"]);
        let affected =
            heads("Initially, the number of affected individuals was estimated at 100 million.");
        assert_ne!(affected, ["number"]);
        // A clause that opens on a place has no subject noun to reach back to.
        assert_eq!(heads("In the north the toll rose to 45."), ["toll"]);
    }

    #[test]
    fn a_clause_of_its_own_stops_the_reach_back() {
        // A finite verb after the opening noun's phrase starts the clause that holds
        // the figure's subject; the opening noun is not it.
        for (text, head) in [
            (
                "Police in Nairobi said the death toll from the bus crash had risen to 12.",
                "toll",
            ),
            (
                "The Ministry of Health said the death toll from the outbreak rose to 87.",
                "toll",
            ),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
        for (text, not) in [
            (
                "Data from the statistics office showed unemployment rose to 5.2%.",
                "Data",
            ),
            (
                "Earlier in the day the number of dead rose to 30.",
                "Earlier",
            ),
            (
                "Schools in the district were closed and attendance fell to 40%.",
                "Schools",
            ),
            (
                "Rescuers pulled survivors from the rubble and the death toll rose to 45.",
                "survivors",
            ),
        ] {
            let found = heads(text);
            assert!(!found.iter().any(|h| h == not), "{text}: {found:?}");
        }
    }

    #[test]
    fn an_aside_with_a_figure_or_a_clause_end_is_not_looked_past() {
        // "40 by noon" is a figure of its own.
        let view_heads = heads("The toll, 40 by noon, was 52 by evening.");
        assert!(!view_heads.contains(&"toll".to_string()), "{view_heads:?}");
        let numbered = heads("The victims, two brothers from Dalmor, were 19 and 21.");
        assert!(!numbered.contains(&"victims".to_string()), "{numbered:?}");
        // An aside past the reach, or with a clause end in it, is not looked past.
        let long = heads(
            "The toll, which officials in the province had been revising through the long night, was 52.",
        );
        assert!(!long.contains(&"toll".to_string()), "{long:?}");
        let bracketed = heads("The toll, (officials said), was 52.");
        assert!(!bracketed.contains(&"toll".to_string()), "{bracketed:?}");
        // No comma opens an aside within reach: the words before are no subject.
        let unopened =
            heads("The toll that officials gave out after the long night of searching, was 52.");
        assert!(unopened.iter().all(String::is_empty), "{unopened:?}");
    }

    #[test]
    fn a_word_of_increment_before_the_noun_leaves_the_noun_counted() {
        for (text, head) in [
            (
                "Rescuers recovered 28 more bodies from the river.",
                "bodies",
            ),
            (
                "Officials said 14 more people had died overnight.",
                "people",
            ),
            ("The army deployed 300 more troops to the region.", "troops"),
            ("Divers found six more bodies near the wreck.", "bodies"),
            ("Labour won 20 fewer seats than forecast.", "seats"),
        ] {
            assert_eq!(heads(text), [head], "{text}");
        }
        // With no noun after it, it counts nothing after the figure; before the
        // figure it is a hedge.
        assert_eq!(
            heads("It killed 218 people and injured over 200 more."),
            ["people", ""]
        );
        assert_eq!(heads("Rescuers expect 200 more than that."), [""]);
        assert_eq!(heads("More than 200 people were hurt."), ["people"]);
        assert_eq!(heads("Over 200 more were found on Monday."), [""]);
        // A word the language lists as a plural stays one: "left thousands homeless".
        assert_eq!(heads("It left thousands more homeless."), ["homeless"]);
        assert_eq!(heads("The flu made 300 more sick."), [""]);
    }

    #[test]
    fn money_counts_what_follows_in() {
        assert_eq!(heads("pledged $25 million in aid"), ["aid"]);
        assert_eq!(heads("caused 3 billion dollars in damage"), ["damage"]);
    }

    fn action_of(text: &str) -> Vec<Option<String>> {
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
        figures::find(&view)
            .iter()
            .map(|f| {
                let c = counted(&view, f);
                let cl = clause(
                    &view,
                    f.first,
                    c.as_ref().map_or(f.last, |c| c.last.max(f.last)),
                );
                action(&view, f, c.as_ref(), cl)
            })
            .collect()
    }

    #[test]
    fn a_word_of_increment_does_not_hide_the_verb_before_it() {
        for (text, second) in [
            (
                "The blast killed 30 people and injured another 40",
                "injured",
            ),
            (
                "Floods destroyed 200 homes and damaged a further 350",
                "damaged",
            ),
            (
                "The army deployed 500 troops and sent an additional 300",
                "sent",
            ),
            ("Divers recovered 12 bodies and found an extra 5", "found"),
        ] {
            let found = action_of(text);
            assert_eq!(found.len(), 2, "{text}");
            assert_eq!(found[1].as_deref(), Some(second), "{text}");
        }
    }

    #[test]
    fn the_action_is_the_nearest_verb() {
        assert_eq!(
            action_of("killing 112 people and injuring more than 600"),
            [Some("killing".to_string()), Some("injuring".to_string())]
        );
        assert_eq!(
            action_of("57 unions backed the strike"),
            [Some("backed".to_string())]
        );
        assert_eq!(
            action_of("40 people who were injured"),
            [Some("injured".to_string())]
        );
        assert_eq!(
            action_of("it was attended by 3,400 marchers"),
            [Some("attended".to_string())]
        );
        assert_eq!(action_of("9 Spanish ports"), [None]);
        assert_eq!(
            action_of("As many as 72 countries from around the world signed it"),
            [Some("signed".to_string())]
        );
        assert_eq!(
            action_of("300 residents of the valley fled"),
            [Some("fled".to_string())]
        );
        assert_eq!(
            action_of("The party won 42% of the vote."),
            [Some("won".to_string())]
        );
        assert_eq!(
            action_of("in six official languages of the United Nations"),
            [None]
        );
        // The verb after a second figure is that figure's.
        assert_eq!(
            action_of("2,500 delegates from 110 countries attended"),
            [None, Some("attended".to_string())]
        );
    }
}
