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
    let cleaned: String = text.chars().filter(|c| !is_number_space(*c)).collect();
    let groups = cleaned.matches(group).count();
    let decimals = cleaned.matches(decimal).count();
    let normalized = match (groups, decimals) {
        (0, 0 | 1) => cleaned,
        // Several decimal marks can only be grouping ("2.500.000" in English).
        (0, _) => cleaned.replace(decimal, ""),
        // One group mark not followed by three digits is a decimal mark ("2,5").
        (_, 0) => {
            let last = cleaned.rsplit(group).next().unwrap_or("");
            if groups == 1 && last.len() != 3 {
                cleaned.replace(group, ".")
            } else {
                cleaned.replace(group, "")
            }
        }
        // Both: the last one is the decimal mark.
        _ => {
            let last_group = cleaned.rfind(group).unwrap_or(0);
            let last_decimal = cleaned.rfind(decimal).unwrap_or(0);
            if last_decimal > last_group {
                cleaned.replace(group, "")
            } else {
                cleaned.replace(decimal, "").replace(group, ".")
            }
        }
    };
    // Rust reads a decimal point; a style's own decimal mark becomes one.
    let normalized = if decimal == '.' {
        normalized
    } else {
        normalized.replace(decimal, ".")
    };
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
}
