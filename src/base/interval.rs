//! Intervals: what a hedged figure allows the true value to be.
//!
//! "more than 1,000" allows anything above 1,000; "nearly 100" anything just under 100.
//! Comparing intervals rather than bare figures is what tells a hard conflict (the two
//! statements cannot both be true) from a difference an editor should still look at.

use serde::Serialize;

/// A bound of an interval; `None` in [`Interval`] means unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

/// The set of values a claim allows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

/// The share of a figure that "about" and "nearly" leave room for.
pub const APPROXIMATION: f64 = 0.1;

impl Interval {
    pub fn exact(v: f64) -> Self {
        Self::closed(v, v)
    }

    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lower: Some(Bound {
                value: lo,
                inclusive: true,
            }),
            upper: Some(Bound {
                value: hi,
                inclusive: true,
            }),
        }
    }

    pub fn above(v: f64, inclusive: bool) -> Self {
        Interval {
            lower: Some(Bound {
                value: v,
                inclusive,
            }),
            upper: None,
        }
    }

    pub fn below(v: f64, inclusive: bool) -> Self {
        Interval {
            lower: None,
            upper: Some(Bound {
                value: v,
                inclusive,
            }),
        }
    }

    /// "nearly N": under N, within the approximation of it.
    pub fn nearly(v: f64) -> Self {
        Interval {
            lower: Some(Bound {
                value: super::numbers::tidy(v - v.abs() * APPROXIMATION),
                inclusive: true,
            }),
            upper: Some(Bound {
                value: v,
                inclusive: false,
            }),
        }
    }

    /// "about N": N give or take the approximation.
    pub fn about(v: f64) -> Self {
        let tolerance = v.abs() * APPROXIMATION;
        let tidy = super::numbers::tidy;
        Self::closed(tidy(v - tolerance), tidy(v + tolerance))
    }

    /// The interval widened by `by` at each bounded end: what a figure rounded to the
    /// nearest `2 * by` may stand for ("1.2 million" for 1,150,000 to 1,250,000).
    #[must_use]
    pub fn widened(&self, by: f64) -> Self {
        Interval {
            lower: self.lower.map(|b| Bound {
                value: b.value - by,
                ..b
            }),
            upper: self.upper.map(|b| Bound {
                value: b.value + by,
                ..b
            }),
        }
    }

    /// True when some value satisfies both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        below_or_touching(self.lower, other.upper) && below_or_touching(other.lower, self.upper)
    }

    pub fn lower_value(&self) -> Option<f64> {
        self.lower.map(|b| b.value)
    }

    pub fn upper_value(&self) -> Option<f64> {
        self.upper.map(|b| b.value)
    }
}

/// Whether a lower bound sits below an upper bound, leaving room for a value. Bounds are
/// figures as written, so equal means written equal: exact comparison is intended.
#[allow(clippy::float_cmp)]
fn below_or_touching(lower: Option<Bound>, upper: Option<Bound>) -> bool {
    match (lower, upper) {
        (Some(lo), Some(hi)) => {
            lo.value < hi.value || (lo.value == hi.value && lo.inclusive && hi.inclusive)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_figures_overlap_only_when_equal() {
        assert!(Interval::exact(57.0).overlaps(&Interval::exact(57.0)));
        assert!(!Interval::exact(310.0).overlaps(&Interval::exact(317.0)));
    }

    #[test]
    fn lower_bounds_always_overlap() {
        let a = Interval::above(800.0, false);
        let b = Interval::above(1900.0, false);
        assert!(a.overlaps(&b));
        assert!(b.overlaps(&a));
    }

    #[test]
    fn open_bounds_exclude_their_figure() {
        assert!(!Interval::above(250.0, false).overlaps(&Interval::exact(250.0)));
        assert!(Interval::above(250.0, true).overlaps(&Interval::exact(250.0)));
        assert!(!Interval::nearly(90.0).overlaps(&Interval::exact(90.0)));
        assert!(Interval::nearly(90.0).overlaps(&Interval::exact(85.0)));
        assert!(!Interval::nearly(90.0).overlaps(&Interval::exact(99.0)));
    }

    #[test]
    fn about_leaves_room_both_ways() {
        let about = Interval::about(100.0);
        assert!(about.overlaps(&Interval::exact(108.0)));
        assert!(about.overlaps(&Interval::exact(92.0)));
        assert!(!about.overlaps(&Interval::exact(120.0)));
        assert!(Interval::below(57.0, true).overlaps(&Interval::exact(55.0)));
        assert!(!Interval::below(57.0, true).overlaps(&Interval::exact(60.0)));
    }
}
