//! Calendar: civil dates as day numbers, so that dates from anywhere in a set of
//! articles (a source's date line, "on August 4", "since January 2022") can be compared
//! by subtraction.

/// A day as a count of days since 1970-01-01.
pub type DayNumber = i64;

/// The day number of a civil date (proleptic Gregorian calendar).
pub fn day_number(year: i32, month: u8, day: u8) -> DayNumber {
    let (y, m) = if month <= 2 {
        (i64::from(year) - 1, i64::from(month) + 9)
    } else {
        (i64::from(year), i64::from(month) - 3)
    };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date (year, month, day) of a day number.
pub fn civil(day: DayNumber) -> (i32, u8, u8) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day_of_month).unwrap_or(1),
    )
}

/// A day as ISO 8601 ("2024-07-02"), as JSON gives it.
pub fn iso(day: DayNumber) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A day as a report for people shows it: "Jul 2", with the year only when asked
/// ("Jul 2, 2024").
pub fn short(day: DayNumber, with_year: bool) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m, d) = civil(day);
    let month = MONTHS[usize::from(m.clamp(1, 12)) - 1];
    if with_year {
        format!("{month} {d}, {y}")
    } else {
        format!("{month} {d}")
    }
}

/// The year a day number falls in.
pub fn year_of(day: DayNumber) -> i32 {
    civil(day).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_and_give_back_their_year() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2024, 3, 1) - day_number(2024, 2, 28), 2);
        assert_eq!(day_number(2025, 1, 1) - day_number(2024, 12, 31), 1);
        for (y, m, d) in [(2024, 12, 31), (2025, 1, 1), (2000, 2, 29), (1999, 3, 1)] {
            assert_eq!(year_of(day_number(y, m, d)), y, "{y}-{m}-{d}");
            assert_eq!(civil(day_number(y, m, d)), (y, m, d));
        }
    }

    #[test]
    fn days_print_as_iso_and_short() {
        assert_eq!(iso(day_number(2025, 10, 26)), "2025-10-26");
        assert_eq!(iso(0), "1970-01-01");
        assert_eq!(iso(day_number(2024, 7, 2)), "2024-07-02");
        assert_eq!(short(day_number(2024, 7, 2), false), "Jul 2");
        assert_eq!(short(day_number(2025, 1, 31), true), "Jan 31, 2025");
    }
}
