//! Numbers as text: reading digits with their separators, and writing figures the way
//! people read them. Shared by extraction, the checks and every report.

use super::tokens::is_number_space;

/// How a language writes numbers: English "1,234.5" groups with a comma and has a
/// decimal point; Portuguese "1.234,5" the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    /// Between groups of digits.
    pub group: char,
    /// Before the fraction.
    pub decimal: char,
}

/// Parses digits with separators as `style` writes them, and the other styles a text in
/// that language may still hold. For English: "2,500", "1.5", "1,00,000" (Indian
/// grouping), "2.500.000" (European grouping), "2,5" (decimal comma), "2 500" (thin space).
pub fn parse_digits(text: &str, style: &NumberStyle) -> Option<f64> {
    let (group, decimal) = (style.group, style.decimal);
    let groups = text.matches(group).count();
    let decimals = text.matches(decimal).count();
    // What each mark becomes: a decimal point, or nothing.
    let (group_to, decimal_to) = match (groups, decimals) {
        (0, 0 | 1) => (None, Some('.')),
        // Several decimal marks can only be grouping ("2.500.000" in English).
        (0, _) => (None, None),
        // One group mark not followed by three digits is a decimal mark ("2,5").
        (_, 0) => {
            let last = text.rsplit(group).next().unwrap_or("");
            let last_len: usize = last
                .chars()
                .filter(|c| !is_number_space(*c))
                .map(char::len_utf8)
                .sum();
            if groups == 1 && last_len != 3 {
                (Some('.'), None)
            } else {
                (None, None)
            }
        }
        // Both: the last one is the decimal mark.
        _ => {
            if text.rfind(decimal) > text.rfind(group) {
                (None, Some('.'))
            } else {
                (Some('.'), None)
            }
        }
    };
    // Most figures need no rewriting ("87", "1.5"): Rust reads them as written.
    let plain =
        decimal == '.' && groups == 0 && decimal_to == Some('.') && !text.contains(is_number_space);
    if plain {
        return text.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    let mut normalized = String::with_capacity(text.len());
    for c in text.chars() {
        let mapped = if c == group {
            group_to
        } else if c == decimal {
            decimal_to
        } else if is_number_space(c) {
            None
        } else {
            Some(c)
        };
        normalized.extend(mapped);
    }
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `value` times a scale word's `factor`, without the binary fraction's noise: 4.1 ×
/// 1,000,000 is 4,099,999.9999999995 in floating point, but "4.1 million" states
/// 4,100,000.
pub fn scale(value: f64, factor: f64) -> f64 {
    tidy(value * factor)
}

/// `value` rounded to 15 significant digits, where arithmetic on written figures leaves
/// binary noise (2.8 × 1.1 is 3.0799999999999996). Written figures never carry 15
/// significant digits, so this loses nothing they say.
pub fn tidy(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let unit = 10f64.powi(15 - value.abs().log10().ceil() as i32);
    let rounded = (value * unit).round() / unit;
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

/// A count with its noun in the right number, for messages: "1 known finding", "2
/// known findings".
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A figure for people: "2,500", "1.5", "2,300,000,000".
pub fn human_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let text = format!("{v:.4}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // The exact value is what is tested: a figure equal to the written one.
    #[allow(clippy::float_cmp)]
    fn a_scaled_figure_is_the_one_written() {
        assert_eq!(scale(4.1, 1e6), 4_100_000.0);
        assert_eq!(scale(1.15, 1e9), 1_150_000_000.0);
        assert_eq!(scale(12.5, 1e9), 12_500_000_000.0);
        assert_eq!(scale(0.3, 100.0), 30.0);
        assert_eq!(scale(2.0, 1e5), 200_000.0);
        assert_eq!(scale(0.0, 1e6), 0.0);
        assert_eq!(tidy(2.8 * 1.1), 3.08);
        assert_eq!(tidy(1.0 / 3.0), 0.333_333_333_333_333);
    }

    #[test]
    fn a_count_takes_its_noun_in_the_right_number() {
        assert_eq!(count_of(1, "other check", "other checks"), "1 other check");
        assert_eq!(count_of(0, "other check", "other checks"), "0 other checks");
        assert_eq!(
            count_of(5, "known finding", "known findings"),
            "5 known findings"
        );
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(human_number(3400.0), "3,400");
        assert_eq!(human_number(57.0), "57");
        assert_eq!(human_number(1.5), "1.5");
        assert_eq!(human_number(2_300_000_000.0), "2,300,000,000");
        assert_eq!(human_number(0.000_001), "0");
    }

    #[test]
    fn a_style_with_a_decimal_comma_reads_its_own_grouping() {
        let portuguese = NumberStyle {
            group: '.',
            decimal: ',',
        };
        assert_eq!(parse_digits("2.500", &portuguese), Some(2500.0));
        assert_eq!(parse_digits("1.234,5", &portuguese), Some(1234.5));
        assert_eq!(parse_digits("2,5", &portuguese), Some(2.5));
    }

    #[test]
    fn every_grouping_style_parses() {
        let parse_digits =
            |text: &str| parse_digits(text, &crate::base::lang::ENGLISH.number_style);
        assert_eq!(parse_digits("3,400"), Some(3400.0));
        assert_eq!(parse_digits("1,00,000"), Some(100_000.0));
        assert_eq!(parse_digits("2.500.000"), Some(2_500_000.0));
        assert_eq!(parse_digits("1.234,5"), Some(1234.5));
        assert_eq!(parse_digits("1,234.5"), Some(1234.5));
        assert_eq!(parse_digits("2,5"), Some(2.5));
        assert_eq!(parse_digits("0.000001"), Some(0.000_001));
        assert_eq!(parse_digits("3\u{00A0}400"), Some(3400.0));
        assert_eq!(
            parse_digits("999,999,999,999,999,999,999"),
            Some(999_999_999_999_999_999_999.0)
        );
    }

    /// `parse_digits`'s reading as first written, a string rewrite per rule: what the
    /// one-pass mapping must keep.
    fn rewritten(text: &str, style: NumberStyle) -> Option<f64> {
        let (group, decimal) = (style.group, style.decimal);
        let cleaned: String = text.chars().filter(|c| !is_number_space(*c)).collect();
        let groups = cleaned.matches(group).count();
        let decimals = cleaned.matches(decimal).count();
        let normalized = match (groups, decimals) {
            (0, 0 | 1) => cleaned,
            (0, _) => cleaned.replace(decimal, ""),
            (_, 0) => {
                let last = cleaned.rsplit(group).next().unwrap_or("");
                if groups == 1 && last.len() != 3 {
                    cleaned.replace(group, ".")
                } else {
                    cleaned.replace(group, "")
                }
            }
            _ => {
                if cleaned.rfind(decimal) > cleaned.rfind(group) {
                    cleaned.replace(group, "")
                } else {
                    cleaned.replace(decimal, "").replace(group, ".")
                }
            }
        };
        normalized
            .replace(decimal, ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
    }

    #[test]
    fn every_language_marks_groups_and_decimals_apart_from_spaces() {
        // `parse_digits` tells the marks apart by character: one mark for both, or a
        // mark that is also a number space, would be read as neither.
        for lang in crate::base::lang::LANGUAGES {
            let style = lang.number_style;
            assert_ne!(style.group, style.decimal, "{}", lang.code);
            assert!(!is_number_space(style.group), "{}", lang.code);
            assert!(!is_number_space(style.decimal), "{}", lang.code);
        }
    }

    proptest::proptest! {
        #[test]
        fn parsing_reads_digits_as_the_rewrite_did(
            // Groups of digits between marks, as figures are written, and any mix.
            text in proptest::prop_oneof![
                "[0-9]{1,4}(?:[.,\u{00A0}\u{2009}][0-9]{1,4}){0,3}",
                "[0-9.,\u{00A0}\u{2009}٣]{0,14}",
            ],
            comma_decimal in proptest::bool::ANY,
        ) {
            let style = if comma_decimal {
                NumberStyle { group: '.', decimal: ',' }
            } else {
                crate::base::lang::ENGLISH.number_style
            };
            let (got, want) = (parse_digits(&text, &style), rewritten(&text, style));
            proptest::prop_assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits));
        }
    }
}
