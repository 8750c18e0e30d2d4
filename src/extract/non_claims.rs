//! Non-claims: most numbers in news copy are not claims. Dates, years, ordinals,
//! durations, times, identifiers ("Article 5", "COVID-19") and "one" as a pronoun are
//! recognised here and dropped, so a wrong "claim" never reaches the comparison.

use crate::base::morphology;
use crate::base::tokens::TokenKind;

use super::figures::{self, Figure, Raw, Unit};
use super::hedges;
use super::nouns;
use super::view::View;

/// Dates: a number next to a month name ("October 25", "25 October", "Oct. 8"), numbers
/// glued to those by a dash ("October 25-26"), and numeric dates ("25/10/2025").
pub(super) fn mark_dates(view: &View, raws: &mut [Raw]) {
    for raw in raws.iter_mut() {
        let before_month = raw.first >= 1 && month_at(view, raw.first - 1)
            || raw.first >= 2
                && view.is_punct(raw.first - 1, &['.'])
                && month_at(view, raw.first - 2);
        let after_month = month_at(view, raw.last + 1)
            || (view.is("of", raw.last + 1) && month_at(view, raw.last + 2));
        let weekday_before = raw.first >= 1
            && view
                .word(raw.first - 1)
                .is_some_and(|w| view.lang.weekdays.contains(w));
        let numeric_date = glued_chain(view, raw.first, &['/', '-', '.']) >= 3
            || glued_chain(view, raw.first, &['/']) >= 2;
        let small = raw.value <= 31.0 && raw.value.fract() == 0.0;
        if numeric_date || (small && (before_month || after_month || weekday_before)) {
            raw.date = true;
        }
    }
    // "October 25-26" and "25-26 October": the other end of a dated range is a date too.
    for _ in 0..2 {
        for k in 0..raws.len() {
            let Some(next) = raws.get(k + 1).cloned() else {
                continue;
            };
            let joined = next.first == raws[k].last + 2
                && (view.is_punct(raws[k].last + 1, &['-', '–', '—'])
                    || view.is("to", raws[k].last + 1));
            if joined && (raws[k].date || next.date) {
                raws[k].date = true;
                raws[k + 1].date = true;
            }
        }
    }
}

/// A month's name at token `k` as dates write it: capitalised ("12 May", "Sept. 9"), or
/// in a lower-case slug when no other word follows it ("15 march the biggest protest").
/// In "12 may die" the word is a verb.
fn month_at(view: &View, k: usize) -> bool {
    if !view.word(k).is_some_and(|w| view.lang.is_month(w)) {
        return false;
    }
    view.starts_upper(k)
        || view.is_slug()
            && view
                .word(k + 1)
                .is_none_or(|next| view.lang.phrase_stops.contains(next))
}

/// How many numbers stand glued together by the given separators around token `i`.
fn glued_chain(view: &View, i: usize, seps: &[char]) -> usize {
    let mut start = i;
    while start >= 2
        && view.is_punct(start - 1, seps)
        && view.glued(start - 1, start)
        && view.glued(start - 2, start - 1)
        && view.tokens[start - 2].kind == TokenKind::Number
    {
        start -= 2;
    }
    let mut count = 1;
    let mut k = start;
    while view.is_punct(k + 1, seps)
        && view.glued(k, k + 1)
        && view.glued(k + 1, k + 2)
        && view
            .tokens
            .get(k + 2)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        count += 1;
        k += 2;
    }
    count
}

pub(super) fn is_non_claim(view: &View, raw: &Raw) -> bool {
    is_year(view, raw)
        || is_ordinal_or_glued(view, raw)
        || is_duration(view, raw)
        || is_time_of_day(view, raw)
        || is_identifier(view, raw)
        || is_pronoun_one(view, raw)
        || is_idiom(view, raw)
        || is_compound_modifier(view, raw)
}

/// A four-digit number in the years' range, written without separators, that no counted
/// noun follows ("in 2003", "Between 1992 and 1993"), or that a determiner heads
/// ("the 2024 elections"); and "'86", a year with its century cut.
fn is_year(view: &View, raw: &Raw) -> bool {
    let text = view.raw(raw.first);
    let digits = view.tokens[raw.first].kind == TokenKind::Number
        && text.chars().all(|c| c.is_ascii_digit());
    let apostrophe = raw.first >= 1
        && view.is_punct(raw.first - 1, &['\'', '’'])
        && view.glued(raw.first - 1, raw.first)
        && (raw.first == 1 || !view.glued(raw.first - 2, raw.first - 1));
    if digits && text.len() == 2 && apostrophe {
        return true;
    }
    let shaped = raw.first == raw.last
        && digits
        && text.len() == 4
        && (1800.0..=2100.0).contains(&raw.value);
    if !shaped {
        return false;
    }
    let next = view.word(raw.last + 1);
    let counted_after = next.is_some_and(|w| view.lang.looks_plural(w));
    let year_word_before = raw.first >= 1
        && view
            .word(raw.first - 1)
            .is_some_and(|w| view.lang.year_words.contains(w));
    // "more than 1816 castoines": a hedge bounds a count, never a year.
    if hedges::before(view, raw.first).is_some() {
        return false;
    }
    // In a headline, after or before a name, or opening a sentence (where style guides
    // spell out every number but a year), a number that is not a round hundred is a year
    // before a plural too ("2024 olympics", "Paris 2024 Breaks Records", "Budget 2024
    // measures", "the 2024 Olympics"), unless people are counted.
    let round = raw.value % 100.0 == 0.0;
    let people_after = next.is_some_and(|w| view.lang.irregular_plurals.contains(w));
    let named =
        raw.first >= 1 && view.starts_upper(raw.first - 1) || view.starts_upper(raw.last + 1);
    let placed = raw.first == 0 || view.is_slug() || view.is_title_case();
    !counted_after || year_word_before || (!round && !people_after && (named || placed))
}

/// "80th", "1st", "3pm", "10am", and digits glued to a run of letters that holds a
/// digit or mixes cases ("2KEzc8dqDW", "4NVvVsmlqg": a link's id).
fn is_ordinal_or_glued(view: &View, raw: &Raw) -> bool {
    if view.tokens[raw.first].kind != TokenKind::Number {
        return false;
    }
    let next = raw.first + 1;
    if !view.glued(raw.first, next) || view.tokens[next].kind != TokenKind::Word {
        return false;
    }
    let glued = view.raw(next);
    let mixed_case = glued
        .chars()
        .zip(glued.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if glued.chars().any(|c| c.is_ascii_digit()) || mixed_case {
        return true;
    }
    let suffix = view.lower[next].split('-').next().unwrap_or("");
    view.lang.ordinal_suffixes.contains(suffix)
}

/// Durations and ages: "10 years", "two days", "two-day", "45-year-old",
/// "3 consecutive days", "aged 45".
fn is_duration(view: &View, raw: &Raw) -> bool {
    let first_word = view.word(raw.first).unwrap_or("");
    if let Some((head, tail)) = first_word.split_once('-') {
        if view.lang.small_number(head).is_some() && view.lang.small_number(first_word).is_none() {
            let unit = tail.split('-').next().unwrap_or("");
            return view.lang.is_time_unit(unit) || view.lang.is_time_unit(&format!("{unit}s"));
        }
    }
    let mut next = raw.last + 1;
    if view.is_punct(next, &['-', '‑']) {
        next += 1;
    }
    let Some(word) = view.word(next) else {
        return raw.first >= 1
            && view
                .word(raw.first - 1)
                .is_some_and(|w| w == "aged" || w == "age");
    };
    let unit_word = word.split('-').next().unwrap_or(word);
    if view.lang.is_time_unit(unit_word) {
        return true;
    }
    let filler = view.lang.duration_fillers.contains(word);
    if filler
        && view
            .word(next + 1)
            .is_some_and(|w| view.lang.is_time_unit(w))
    {
        return true;
    }
    raw.first >= 1
        && view
            .word(raw.first - 1)
            .is_some_and(|w| w == "aged" || w == "age")
}

/// The oldest age a figure linked to one person is read as.
const MAX_AGE: f64 = 120.0;

/// "The victim was 63", "The driver, a local shopkeeper, was 45", "her son is about 12":
/// a whole figure that a copula links to its subject, a noun for one person, is that
/// person's age, not a count of them. A count of people is a plural's ("the victims
/// were 19") or a total's ("the toll was 63").
pub(super) fn is_age_of_person(view: &View, fig: &Figure) -> bool {
    let whole =
        fig.unit == Unit::Count && fig.value.fract() == 0.0 && (1.0..=MAX_AGE).contains(&fig.value);
    let linked = fig
        .first
        .checked_sub(1)
        .and_then(|k| view.word(k))
        .is_some_and(|w| view.lang.copulas.contains(w));
    whole
        && linked
        && nouns::counted(view, fig)
            .is_some_and(|subject| !subject.after && names_one_person(view, subject.head()))
}

/// A singular noun for one person: a word of the language's own list ("son", "suspect"),
/// or the singular of a word of its `people` class ("victim", "woman", "child").
fn names_one_person(view: &View, word: &str) -> bool {
    view.lang.person_nouns.contains(word)
        || view.lang.word_class("people").is_some_and(|class| {
            class
                .iter()
                .any(|many| *many != word && morphology::singular(many) == word)
        })
}

/// "10:30", "3 p.m.", "at 9 o'clock".
fn is_time_of_day(view: &View, raw: &Raw) -> bool {
    let colon_after = view.is_punct(raw.last + 1, &[':']) && view.glued(raw.last, raw.last + 1);
    let colon_before = raw.first >= 1
        && view.is_punct(raw.first - 1, &[':'])
        && view.glued(raw.first - 1, raw.first);
    let meridiem = view
        .word(raw.last + 1)
        .is_some_and(|w| view.lang.clock_words.contains(w))
        && (view.is_punct(raw.last + 2, &['.']) || !view.is("a", raw.last + 1));
    colon_after || colon_before || meridiem
}

/// Names and labels: "Article 5", "No. 3", "#1", "Flight 17", "top 10", a number right
/// after a capitalised name inside a sentence ("Resolution 2231", "Typhoon Yagi 3"), a
/// model number ("Boeing 737-800") and an emergency telephone number ("911 received
/// calls").
fn is_identifier(view: &View, raw: &Raw) -> bool {
    if is_emergency_number(view, raw) || is_quoted_name(view, raw) {
        return true;
    }
    if raw.first == 0 {
        return false;
    }
    let prev = raw.first - 1;
    if view.is_punct(prev, &['#', '№']) {
        return true;
    }
    if view.is_punct(prev, &['.']) && prev >= 1 && view.is("no", prev - 1) {
        return true;
    }
    if is_model_number(view, raw) {
        return true;
    }
    let Some(word) = view.word(prev) else {
        return false;
    };
    if view.lang.identifier_labels.contains(word) && !view.lang.is_month(word) {
        return true;
    }
    let name = is_name(view, prev);
    // A capital that opens a sentence, follows a colon or a quote, or stands in a title
    // in title case says nothing about a name; nor does a number written in words.
    let opens = prev == 0 || view.is_punct(prev - 1, &[':', '"', '“', '‘', '(', '—', '–']);
    let digits = view.tokens[raw.first].kind == TokenKind::Number;
    name && digits && !opens && !view.is_title_case()
}

/// `dubbed "15 for 15"`, `known as "the 100 days"`: a figure inside a short quoted
/// phrase that a naming word introduces.
fn is_quoted_name(view: &View, raw: &Raw) -> bool {
    const QUOTES: [char; 6] = ['"', '\'', '“', '”', '‘', '’'];
    const REACH: usize = 6;
    let open = (raw.first.saturating_sub(REACH)..raw.first)
        .rev()
        .find(|&k| view.is_punct(k, &QUOTES));
    let close =
        (raw.last + 1..(raw.last + 1 + REACH).min(view.len())).find(|&k| view.is_punct(k, &QUOTES));
    let (Some(open), Some(_)) = (open, close) else {
        return false;
    };
    open > 0
        && view
            .word(open - 1)
            .is_some_and(|w| view.lang.naming_words.contains(w))
}

/// True when token `k` may be a name before a number: a capitalised word that is no hedge
/// or function word, possessive ("Labour's 33.9%") or currency ("Rs 50,000").
fn is_name(view: &View, k: usize) -> bool {
    // Most words before a number are in lower case: that says no at once.
    if view.word(k).is_none() || !view.starts_upper(k) {
        return false;
    }
    let word = &*view.lower[k];
    let is_hedge_or_function = hedges::ends_a_hedge(view.lang, word)
        || view.lang.phrase_stops.contains(word)
        || matches!(word, "and" | "only" | "nearly" | "some");
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    let currency = figures::currency_prefix(view, k + 1).is_some();
    // "the Tories 121": a group named in the plural is what the figure counts, as in an
    // ellipsis, not a label ("Resolution 2231").
    let group = view.lang.looks_plural(word) && !view.lang.looks_verb(word);
    !is_hedge_or_function && !possessive && !currency && !group
}

/// "Boeing 737-800", "Airbus 320-200": digits joined by a hyphen to digits after a name,
/// even at the start of a sentence. Both numbers are the model's.
fn is_model_number(view: &View, raw: &Raw) -> bool {
    let hyphen = |a: usize| {
        view.is_punct(a + 1, &['-', '‑'])
            && view.glued(a, a + 1)
            && view.glued(a + 1, a + 2)
            && [a, a + 2].iter().all(|&k| {
                view.tokens
                    .get(k)
                    .is_some_and(|t| t.kind == TokenKind::Number)
            })
    };
    let first = raw.first;
    let as_first = first >= 1 && hyphen(first) && is_name(view, first - 1);
    let as_second = first >= 3 && hyphen(first - 2) && is_name(view, first - 3);
    as_first || as_second
}

/// "911", "999": an emergency telephone number when it is called ("call 999", "911
/// calls"), does something ("911 received calls") or names a service ("the 911
/// system"); a count otherwise ("112 people", "the toll rose to 112 on Sunday").
fn is_emergency_number(view: &View, raw: &Raw) -> bool {
    let lang = view.lang;
    if raw.first != raw.last || !lang.emergency_numbers.contains(view.raw(raw.first)) {
        return false;
    }
    let called = raw.first >= 1
        && view
            .word(raw.first - 1)
            .is_some_and(|w| lang.phone_verbs.contains(w));
    // "911 received", "the 911 system", "911 calls".
    let acts_or_names = view.word(raw.last + 1).is_some_and(|w| {
        !lang.looks_plural(w) && !lang.phrase_stops.contains(w) && w != "and"
            || lang.looks_verb(w) && !lang.looks_plural(w)
            || lang.phone_verbs.contains(w)
    });
    called || acts_or_names
}

/// "one of the largest", "one another", "no one", "the one who", "in one clip", "one
/// major reason": "one" as a pronoun or an indefinite.
fn is_pronoun_one(view: &View, raw: &Raw) -> bool {
    let first = view.word(raw.first);
    if first != Some("one") || raw.first != raw.last {
        return false;
    }
    // "from one stage to the next", "on the one hand", "according to one account".
    let led = view.lang.pronoun_one_leaders.words().iter().any(|leader| {
        let words: Vec<&str> = leader.split(' ').collect();
        raw.first >= words.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| view.is(w, raw.first - words.len() + k))
    });
    if led {
        return true;
    }
    // "one or two", "one to three": the low end of a range.
    let range_after = view
        .word(raw.last + 1)
        .is_some_and(|w| w == "or" || w == "to")
        && (view
            .tokens
            .get(raw.last + 2)
            .is_some_and(|t| t.kind == TokenKind::Number)
            || view
                .word(raw.last + 2)
                .is_some_and(|w| view.lang.small_number(w).is_some()));
    if range_after {
        return false;
    }
    let followers = &view.lang.pronoun_one_followers;
    let next = view.word(raw.last + 1);
    // "fell to one on Monday", "except one who suffered": a count with its noun left out.
    let linked = raw.first >= 1
        && view
            .word(raw.first - 1)
            .is_some_and(|w| view.lang.linking_words.contains(w));
    match next {
        None => true,
        Some("who") => false,
        Some(w) => {
            view.lang.phrase_stops.contains(w) && !(linked && w != "of")
                || followers.contains(w)
                // "one major reason": an adjective, then the follower.
                || !view.lang.looks_plural(w)
                    && view
                        .word(raw.last + 2)
                        .is_some_and(|w| followers.contains(w))
        }
    }
}

/// "the five pillars of Islam", "the seven wonders": a fixed expression.
fn is_idiom(view: &View, raw: &Raw) -> bool {
    let (Some(number), Some(next)) = (view.word(raw.last), view.word(raw.last + 1)) else {
        return false;
    };
    view.lang
        .idioms
        .iter()
        .any(|(n, w)| *n == number && *w == next)
}

/// "a 52-yard field goal", "a three-point shot", "a two-way street": a number that
/// describes what follows by a unit of measure or a fixed expression, and counts nothing.
fn is_compound_modifier(view: &View, raw: &Raw) -> bool {
    let lang = view.lang;
    let tail = match view.tokens[raw.last].kind {
        // "three-point", "two-way": one word.
        TokenKind::Word => {
            let Some((_, tail)) = view.lower[raw.last].split_once('-') else {
                return false;
            };
            tail.split('-').next().unwrap_or(tail)
        }
        // "52-yard": digits, a hyphen and a word.
        TokenKind::Number
            if view.is_punct(raw.last + 1, &['-', '‑'])
                && view.glued(raw.last, raw.last + 1)
                && view.glued(raw.last + 1, raw.last + 2) =>
        {
            match view.word(raw.last + 2) {
                Some(w) => w.split('-').next().unwrap_or(w),
                None => return false,
            }
        }
        _ => return false,
    };
    if lang.compound_idioms.contains(tail) {
        return true;
    }
    // A unit of measure, not a percentage, that modifies a word after it.
    let measure = lang.is_measure_unit(tail) && !matches!(tail, "percent" | "points" | "times");
    let modifies = match view.tokens[raw.last].kind {
        TokenKind::Word => view.word(raw.last + 1).is_some(),
        _ => view.word(raw.last + 3).is_some(),
    };
    measure && modifies
}

#[cfg(test)]
mod tests {
    use super::super::figures::find;
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
        find(&view).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn dates_are_not_claims() {
        for text in [
            "held on May 14-15 in the city",
            "held on May 14–15.",
            "on Sept. 9 the council met",
            "on 14 May the council met",
            "the 14th of May",
            "on 14/05/2024 the council met",
            "on 2024-05-14 the council met",
            "on Monday 12 the council met",
            "from 12 to 14 March",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn years_ordinals_durations_and_times_are_not_claims() {
        for text in [
            "built in 1998.",
            "Between 1971 and 1974, he sailed.",
            "the 2024 elections",
            "the 60th anniversary",
            "the 1st round",
            "in the past 12 years",
            "during the three days of the fair",
            "the two-day event",
            "a 45-year-old man",
            "for 3 consecutive days",
            "aged 45",
            "at 10:30 the vote closed",
            "at 3 p.m. the vote closed",
            "Thirty years later he returned.",
            "one of the largest ceremonies",
            "one day before",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        assert_eq!(values("2000 marchers came"), [2000.0]);
    }

    #[test]
    fn identifiers_and_names_are_not_claims() {
        for text in [
            "under Article 5 of the treaty",
            "Resolution 2231 was cited",
            "flight No. 17 landed",
            "the COVID-19 pandemic",
            "see photo x9912_4410ab.jpg",
            "at https://example.org/a-8812345.html today",
            "the G20 summit",
            "pic.twitter.com/2KEzc8dqDW",
            "a tweet id 4NVvVsmlqg and 2KEzc8dqDW",
            "a Boeing 737-800 crashed",
            "Boeing 737-800 jets were grounded.",
            "the A320 landed",
            "Rijo said 911 received an influx of calls",
            "Residents should call 999 now.",
            "the 911 system failed",
            "911 calls surged after midnight",
            "top 10 points to know",
            "the protest, dubbed \"15 for 15\", went on",
            "a campaign known as “the 100 days” began",
            "the march, called 'One Million Steps', left",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        // A quote of what someone said still counts.
        assert_eq!(values("he said \"15 people died\" there"), [15.0]);
    }

    #[test]
    fn names_possessives_and_titles_do_not_make_identifiers() {
        for (text, want) in [
            ("Labour's 33.9% voteshare", 33.9),
            ("the Bank's 2% target", 2.0),
            ("the UK's 2% inflation target", 2.0),
            ("Olympics: Record 8.6 million tickets sold", 8_600_000.0),
            ("Over 1,000 Pilgrims Die from Heat During Hajj", 1000.0),
            ("Extreme Heat Claims Hundreds During Haj", 200.0),
            ("a compensation of Rs 50,000 each", 50_000.0),
            ("the toll rose to 112 on Sunday", 112.0),
            ("112 people died", 112.0),
        ] {
            assert_eq!(values(text), [want], "{text}");
        }
        // Inside a sentence, a capitalised name still labels a number.
        assert!(values("under Resolution 2231 the council met").is_empty());
        // A group in the plural does not.
        assert_eq!(
            values("Labour won 412 seats, the Tories 121."),
            [412.0, 121.0]
        );
        assert_eq!(values("the Democrats 47, the Republicans 53"), [47.0, 53.0]);
    }

    #[test]
    fn years_come_in_every_spelling() {
        for text in [
            "the class of '86 met",
            "the class of ’19 met",
            "paris 2024 olympics opening ceremony photos",
            "2024 hathras stampede fir says organisers hid evidence",
            "Paris 2024 Breaks Historical Ticket Sales Records",
            "Budget 2024 measures could increase GDP",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        assert_eq!(values("2017 people signed"), [2017.0]);
        assert_eq!(values("Inspectors catalogued 1923 crates."), [1923.0]);
        assert!(values("2024 hathras stampede fir says organisers hid evidence. Then").is_empty());
        assert_eq!(values("Workers repaired more than 1816 homes."), [1816.0]);
        assert_eq!(values("the 2024 Olympics opened"), Vec::<f64>::new());
    }

    #[test]
    fn a_month_is_a_month_only_where_it_reads_as_one() {
        assert_eq!(values("As many as 12 may die before dawn."), [12.0]);
        assert_eq!(values("officials fear 40 may drown"), [40.0]);
        assert_eq!(values("Some 12 march on the capital."), [12.0]);
        for text in [
            "the vote on 12 May",
            "15 march the biggest protest in serbia",
            "protest on 15 march in belgrade",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn one_as_a_pronoun_or_an_indefinite_is_no_count() {
        for text in [
            "In one clip shared on social media, a man points",
            "according to one account.",
            "On the one hand, costs rise.",
            "one major reason behind this result",
            "followed by the one of refugee athletes",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        assert_eq!(values("one survivor described calm"), [1.0]);
        assert_eq!(values("The toll fell to one on Monday."), [1.0]);
        assert_eq!(values("All died of the heat, except one who fell."), [1.0]);
        assert!(values("It was one of the largest.").is_empty());
        assert_eq!(values("in the hands of one person"), [1.0]);
    }

    #[test]
    fn idioms_and_compound_modifiers_count_nothing() {
        for text in [
            "one of the five pillars of Islam",
            "the seven wonders of the world",
            "a 52-yard field goal",
            "a 3-point shot",
            "a three-point shot",
            "a two-way street",
            "a five-star hotel",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        assert_eq!(values("five people died"), [5.0]);
        assert_eq!(values("a seven-time All-Star"), [7.0]);
        assert_eq!(values("the two-deck boat tilted"), [2.0]);
        assert_eq!(values("a nine-member committee"), [9.0]);
        assert_eq!(values("rainfall of 572 mm"), [572.0]);
    }
}
