//! Numbers as text: reading digits with their separators, and writing figures the way
//! people read them. Shared by extraction, the checks and every report.

use super::tokens::is_number_space;

/// Parses digits with separators: "2,500", "1.5", "1,00,000" (Indian grouping),
/// "2.500.000" (European grouping), "2,5" (decimal comma), "2 500" (thin space).
pub fn parse_digits(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| !is_number_space(*c)).collect();
    let commas = cleaned.matches(',').count();
    let dots = cleaned.matches('.').count();
    let normalized = match (commas, dots) {
        (0, 0 | 1) => cleaned,
        (0, _) => cleaned.replace('.', ""),
        (_, 0) => {
            let last = cleaned.rsplit(',').next().unwrap_or("");
            if commas == 1 && last.len() != 3 {
                cleaned.replace(',', ".")
            } else {
                cleaned.replace(',', "")
            }
        }
        _ => {
            let last_comma = cleaned.rfind(',').unwrap_or(0);
            let last_dot = cleaned.rfind('.').unwrap_or(0);
            if last_dot > last_comma {
                cleaned.replace(',', "")
            } else {
                cleaned.replace('.', "").replace(',', ".")
            }
        }
    };
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
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
    fn numbers_read_as_people_write_them() {
        assert_eq!(human_number(3400.0), "3,400");
        assert_eq!(human_number(57.0), "57");
        assert_eq!(human_number(1.5), "1.5");
        assert_eq!(human_number(2_300_000_000.0), "2,300,000,000");
        assert_eq!(human_number(0.000_001), "0");
    }

    #[test]
    fn every_grouping_style_parses() {
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
