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

/// The year a day number falls in.
pub fn year_of(day: DayNumber) -> i32 {
    civil(day).0
}

/// "2025-10-26": a day as ISO 8601 writes it.
pub fn iso(day: DayNumber) -> String {
    let (year, month, day) = civil(day);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The year, month (1 to 12) and day of a day number.
pub fn civil(day: DayNumber) -> (i32, u8, u8) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let january_or_february = shifted_month >= 10;
    let year = year_of_era + era * 400 + i64::from(january_or_february);
    let month = if january_or_february {
        shifted_month - 9
    } else {
        shifted_month + 3
    };
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
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
    fn a_day_is_written_as_iso_8601() {
        assert_eq!(iso(day_number(2025, 10, 26)), "2025-10-26");
        assert_eq!(iso(0), "1970-01-01");
    }
}
