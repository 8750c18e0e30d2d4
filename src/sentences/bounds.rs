//! Bounds: where the Unicode sentence rules (UAX #29) put sentence boundaries, exactly as
//! `unicode-segmentation` puts them, for text written in the characters classed here:
//! ASCII, Latin-1 and the General Punctuation block, which most news text is. The crate
//! looks every character up in a table of all of Unicode, and that lookup was a fifth of
//! the work of `hcx claims`; here an ASCII character is looked up in a table of 128 and
//! any other covered one classed by a `match`. Text holding any other character is left
//! to the crate, and a property test holds the two equal.
//!
//! The rules are the crate's, step for step (its `sentence.rs`), with one change: the
//! look-ahead of rule SB8 is remembered while the characters it passed over are read,
//! where the crate scans again from each, which takes time that grows with the square of
//! a run of spaces after a full stop.

/// A character's sentence-break class (UAX #29, table 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Other,
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Extend,
    Format,
}

/// The class of each ASCII character, looked up rather than matched: most characters
/// of most texts are ASCII.
static ASCII: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match listed(b as u8 as char) {
            Some(class) => class,
            None => Class::Other,
        };
        b += 1;
    }
    table
};

/// The class of a character in the blocks covered, or `None` outside them.
fn class(c: char) -> Option<Class> {
    if c.is_ascii() {
        Some(ASCII[c as usize])
    } else {
        listed(c)
    }
}

/// The classes as listed, copied from the crate's table (Unicode 17); the property test
/// checks every character covered.
const fn listed(c: char) -> Option<Class> {
    use Class::{
        ATerm, Close, Cr, Extend, Format, Lf, Lower, Numeric, Other, SContinue, STerm, Sep, Sp,
        Upper,
    };
    Some(match c {
        '\t'
        | '\u{b}'
        | '\u{c}'
        | ' '
        | '\u{a0}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}' => Sp,
        '\n' => Lf,
        '\r' => Cr,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Sep,
        '!' | '?' | '\u{203c}' | '\u{203d}' | '\u{2047}'..='\u{2049}' => STerm,
        '.' | '\u{2024}' => ATerm,
        '"'
        | '\''
        | '('
        | ')'
        | '['
        | ']'
        | '{'
        | '}'
        | '\u{ab}'
        | '\u{bb}'
        | '\u{2018}'..='\u{201f}'
        | '\u{2039}'
        | '\u{203a}'
        | '\u{2045}'
        | '\u{2046}' => Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => SContinue,
        '0'..='9' => Numeric,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Upper,
        'a'..='z' | '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => {
            Lower
        }
        '\u{ad}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}' => Format,
        '\u{200c}' | '\u{200d}' => Extend,
        // The rest of the blocks covered.
        '\0'..='\u{ff}' | '\u{2000}'..='\u{206f}' => Other,
        _ => return None,
    })
}

/// The last parts read, runs of closing marks and of spaces counted as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

type State = [Part; 4];

fn advance(parts: State, class: Class) -> State {
    match (parts[3], class) {
        (Part::ClosePlus, Class::Close) | (Part::SpPlus, Class::Sp) => parts,
        _ => [
            parts[1],
            parts[2],
            parts[3],
            match class {
                Class::Cr => Part::Cr,
                Class::Lf => Part::Lf,
                Class::Sep => Part::Sep,
                Class::ATerm => Part::ATerm,
                Class::Upper | Class::Lower => Part::UpperLower,
                Class::Close => Part::ClosePlus,
                Class::Sp => Part::SpPlus,
                Class::STerm => Part::STerm,
                _ => Part::Other,
            },
        ],
    }
}

fn is_terminal(part: Part) -> bool {
    matches!(part, Part::ATerm | Part::STerm)
}

/// The part before `Close* Sp*` at the end of the state.
fn before_close_sp(parts: State) -> Part {
    let mut idx = if parts[3] == Part::SpPlus { 2 } else { 3 };
    if parts[idx] == Part::ClosePlus {
        idx -= 1;
    }
    parts[idx]
}

/// The part before `Close*` at the end of the state.
fn before_close(parts: State) -> Part {
    parts[if parts[3] == Part::ClosePlus { 2 } else { 3 }]
}

/// The part before `Close* Sp* ParaSep?` at the end of the state.
fn before_close_sp_sep(parts: State) -> Part {
    let mut idx = if matches!(parts[3], Part::Sep | Part::Cr | Part::Lf) {
        2
    } else {
        3
    };
    if parts[idx] == Part::SpPlus {
        idx -= 1;
    }
    if parts[idx] == Part::ClosePlus {
        idx -= 1;
    }
    parts[idx]
}

/// SB8's look-ahead from byte `at`: whether a lower-case letter comes before any letter
/// of another kind, paragraph separator or terminal mark, and the byte the look stopped
/// at.
fn lower_follows(text: &str, at: usize) -> (usize, bool) {
    for (k, c) in text[at..].char_indices() {
        match class(c) {
            Some(Class::Lower) => return (at + k, true),
            Some(
                Class::Upper | Class::Sep | Class::Cr | Class::Lf | Class::STerm | Class::ATerm,
            ) => return (at + k, false),
            _ => {}
        }
    }
    (text.len(), false)
}

/// Whether the rules break before a character of `class` read after the parts
/// `before`. `lower_follows` answers SB8's look-ahead, asked only where the rule needs it.
fn breaks_before(before: State, class: Class, lower_follows: impl FnOnce() -> bool) -> bool {
    use Class::{ATerm, Close, Cr, Extend, Format, Lf, Numeric, SContinue, STerm, Sep, Sp, Upper};
    // SB1, SB3, SB4: at the start, within CR LF, after a paragraph separator.
    if before[3] == Part::Sot {
        return true;
    }
    if class == Lf && before[3] == Part::Cr {
        return false;
    }
    if matches!(before[3], Part::Sep | Part::Cr | Part::Lf) {
        return true;
    }
    // SB5: marks that extend the character before them.
    if matches!(class, Extend | Format) {
        return false;
    }
    // SB6, SB7: "3.5", "U.S".
    if before[3] == Part::ATerm
        && (class == Numeric || (class == Upper && before[2] == Part::UpperLower))
    {
        return false;
    }
    let terminal = before_close_sp(before);
    // SB8: a full stop a lower-case word follows ("etc. and").
    if terminal == Part::ATerm && lower_follows() {
        return false;
    }
    // SB8a, SB9, SB10: what continues a terminal mark, its closing marks and spaces.
    if is_terminal(terminal) && matches!(class, SContinue | STerm | ATerm) {
        return false;
    }
    if is_terminal(before_close(before)) && matches!(class, Close | Sp | Sep | Cr | Lf) {
        return false;
    }
    if is_terminal(terminal) && matches!(class, Sp | Sep | Cr | Lf) {
        return false;
    }
    // SB11: after a terminal mark, its closing marks, spaces and separator.
    is_terminal(before_close_sp_sep(before))
}

/// The sentence boundaries of `text` (its start and its end among them, for a text that
/// is not empty), or `None` when it holds a character outside the blocks covered.
pub(super) fn breaks(text: &str) -> Option<Vec<usize>> {
    let mut found = Vec::new();
    let mut state: State = [Part::Sot; 4];
    // SB8's last look-ahead: the byte it stopped at, and its answer.
    let mut looked: Option<(usize, bool)> = None;
    for (at, c) in text.char_indices() {
        let class = class(c)?;
        let before = state;
        state = advance(state, class);
        // SB5: a mark that extends the character before it leaves the parts as they were,
        // but where a rule before SB5 has decided.
        if matches!(class, Class::Extend | Class::Format)
            && !matches!(before[3], Part::Sot | Part::Sep | Part::Cr | Part::Lf)
        {
            state = before;
        }
        // After a letter or any other plain character no rule breaks: most of a text.
        if matches!(before[3], Part::UpperLower | Part::Other) {
            continue;
        }
        let lower = || match looked {
            Some((stop, answer)) if at <= stop => answer,
            _ => {
                let (stop, answer) = lower_follows(text, at);
                looked = Some((stop, answer));
                answer
            }
        };
        if breaks_before(before, class, lower) {
            found.push(at);
        }
    }
    if !text.is_empty() {
        found.push(text.len());
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// The crate's boundaries, in the same form.
    fn reference(text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = text
            .split_sentence_bound_indices()
            .map(|(at, _)| at)
            .collect();
        if !text.is_empty() {
            found.push(text.len());
        }
        found
    }

    /// Characters of every class, and of the edges of each range.
    const ALPHABET: &[char] = &[
        'a', 'z', 'A', 'Z', 'é', 'É', 'ß', 'ÿ', 'ª', 'µ', '0', '9', '.', '!', '?', ',', '-', ':',
        ';', '"', '\'', '(', ')', '[', ']', '{', '}', ' ', '\t', '\n', '\r', '\u{b}', '\u{85}',
        '\u{a0}', '«', '»', '\u{ad}', '×', '÷', '$', '%', '#', '\u{1}', '\u{7f}', '\u{2000}',
        '\u{200a}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{2013}', '\u{2014}',
        '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2024}', '\u{2026}', '\u{2028}',
        '\u{2029}', '\u{202a}', '\u{202f}', '\u{2039}', '\u{203c}', '\u{2047}', '\u{2049}',
        '\u{205f}', '\u{2060}', '\u{2066}', '\u{2032}',
    ];

    #[test]
    fn every_character_covered_is_classed_as_the_crate_classes_it() {
        // One character between two probes whose breaks depend on its class.
        let covered = ('\0'..='\u{ff}').chain('\u{2000}'..='\u{206f}');
        for c in covered {
            for probe in [
                format!("Ab. {c}b"),
                format!("Ab{c} Cd"),
                format!("Ab.{c} Cd"),
                format!("Ab.{c}9"),
                format!("a{c}.Cd"),
                format!("Ab!{c}{c} cd"),
                format!("Ab {c}\nCd"),
                // A space and a closing mark differ only here; a separator and a line
                // feed only after a carriage return.
                format!("Ab. {c}Cd"),
                format!("Ab.\r{c}Cd"),
            ] {
                assert_eq!(
                    breaks(&probe),
                    Some(reference(&probe)),
                    "{c:?} in {probe:?}"
                );
            }
        }
        assert_eq!(breaks("Hà Nội."), None);
    }

    #[test]
    fn breaks_of_plain_text() {
        let text = "He said 3.5 people came. Mr. Smith left! \u{201c}Why?\u{201d} she asked.\nNext";
        assert_eq!(breaks(text), Some(reference(text)));
        assert_eq!(breaks(""), Some(Vec::new()));
    }

    #[test]
    fn a_run_of_spaces_after_a_full_stop() {
        // The crate reads this run once per space; not much longer, or the test waits.
        for tail in ["and then 5", "And then 5", "5 and then", "\u{201d} and"] {
            let text = format!("It ended.{}{tail}", " ".repeat(2_000));
            assert_eq!(breaks(&text), Some(reference(&text)), "{tail}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_same_boundaries_as_the_crate(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            prop_assert_eq!(breaks(&text), Some(reference(&text)), "{:?}", text);
        }

        #[test]
        fn the_same_boundaries_in_sentence_like_text(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "the", "The", "U.S.", "Mr.", "3.5", "1,200", "end.", "end!", "why?",
                    "\u{201c}Go.\u{201d}", "(a.)", " ", "  ", "\n", "\r\n", ".", "...", "\u{2014}",
                    "a.m.", "E.", "\u{a0}", "\u{2019}s", "é.", "x.\u{2029}",
                ]),
                0..30,
            )
        ) {
            let text = words.join(" ");
            prop_assert_eq!(breaks(&text), Some(reference(&text)), "{:?}", text);
        }
    }
}
