//! Calendar dates as the facts and the reader use them: `YYYY-MM-DD`.

use super::json::{self, Obj};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// A day in the proleptic Gregorian calendar. Ordered, so intervals of
/// membership can be checked with plain comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: i32, month: u8, day: u8) -> Self {
        Date { year, month, day }
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next(), parts.next(), parts.next());
        if parts.next().is_some() || s.len() != 10 {
            return Err(bad());
        }
        let year: i32 = y.and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let month: u8 = m.and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let day: u8 = d.and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        if day == 0 || day > days {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// "17 December 2021": the form the page writes dates in.
    pub fn long(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ];
        format!("{} {} {}", self.day, MONTHS[(self.month - 1) as usize], self.year)
    }
}

impl Date {
    /// A date written as a JSON string at `path`.
    pub(crate) fn read(v: &Value, path: &str) -> Result<Date, String> {
        json::string(v, path)?.parse().map_err(|e: String| json::at(path, &e))
    }

    /// An optional date field of `o`.
    pub(crate) fn read_opt(o: &Obj, key: &str) -> Result<Option<Date>, String> {
        o.opt(key).map(|v| Date::read(v, &o.path_of(key))).transpose()
    }
}

/// A half-open span of days `[from, until)`; either end may be open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Span {
    /// `{"from": "YYYY-MM-DD", "until": "YYYY-MM-DD"}`; either may be left
    /// out or null, and other fields are ignored.
    pub(crate) fn read(v: &Value, path: &str) -> Result<Span, String> {
        let o = Obj::new(v, path.to_string())?;
        Ok(Span { from: Date::read_opt(&o, "from")?, until: Date::read_opt(&o, "until")? })
    }
}

impl Span {
    pub fn contains(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d < u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2021-12-17".parse().unwrap();
        assert_eq!(d, Date::new(2021, 12, 17));
        assert_eq!(d.to_string(), "2021-12-17");
        assert_eq!(d.long(), "17 December 2021");
    }

    #[test]
    fn rejects_garbage() {
        for s in ["", "2021-13-01", "2021-02-30", "2021-1-01x", "today", "2021-12-17-1", "２０２１-12-17"] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2023-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn span_is_half_open() {
        let s = Span { from: Some(Date::new(1999, 3, 12)), until: Some(Date::new(2012, 12, 20)) };
        assert!(s.contains(Date::new(1999, 3, 12)));
        assert!(!s.contains(Date::new(1999, 3, 11)));
        assert!(!s.contains(Date::new(2012, 12, 20)));
        let open = Span { from: None, until: None };
        assert!(open.contains(Date::new(1, 1, 1)));
    }
}
