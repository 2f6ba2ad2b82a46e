//! Which IANA zone a TZID means, however the calendar wrote it: an IANA name, one behind a
//! prefix (`/mozilla.org/20050126_1/Europe/Berlin`), a VTIMEZONE's X-LIC-LOCATION, a Windows
//! name from CLDR's table ("W. Europe Standard Time"), or Outlook's display name
//! ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"), whose cities are matched
//! against the zone database.

use chrono_tz::{Tz, TZ_VARIANTS};

use super::windows_zones::WINDOWS_ZONES;

fn iana(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// An IANA name at the end of a path-like TZID.
fn suffix(tzid: &str) -> Option<Tz> {
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    (1..=parts.len().min(3))
        .rev()
        .find_map(|n| iana(&parts[parts.len() - n..].join("/")))
}

fn windows(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim();
    WINDOWS_ZONES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(tzid))
        .and_then(|(_, zone)| iana(zone))
}

/// "(UTC+01:00) Amsterdam, Berlin, ...": the first listed city that names a zone.
fn display_name(tzid: &str) -> Option<Tz> {
    let cities = tzid.split_once(')').map_or(tzid, |(_, rest)| rest);
    cities
        .split([',', ';'])
        .map(|city| city.trim().replace(' ', "_").to_ascii_lowercase())
        .filter(|city| city.len() >= 3)
        .find_map(|city| {
            TZ_VARIANTS.iter().copied().find(|zone| {
                zone.name()
                    .rsplit('/')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(&city))
            })
        })
}

/// The zone a TZID names, given the calendar's VTIMEZONE locations (TZID, X-LIC-LOCATION).
pub(crate) fn resolve(tzid: &str, locations: &[(String, String)]) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    iana(tzid)
        .or_else(|| {
            locations
                .iter()
                .find(|(id, _)| id == tzid)
                .and_then(|(_, location)| iana(location))
        })
        .or_else(|| windows(tzid))
        .or_else(|| suffix(tzid))
        .or_else(|| display_name(tzid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_windows_name_in_the_cldr_table_maps_to_a_known_zone() {
        for (name, zone) in WINDOWS_ZONES {
            assert!(
                iana(zone).is_some(),
                "{name} -> {zone} is not in the zone database"
            );
        }
        assert!(
            WINDOWS_ZONES.len() > 130,
            "the full CLDR table, not a hand-picked few"
        );
    }

    #[test]
    fn tzids_as_calendars_write_them() {
        let none: &[(String, String)] = &[];
        let zone = |tzid: &str| resolve(tzid, none).map(|z| z.name().to_string());
        assert_eq!(zone("Europe/Berlin").as_deref(), Some("Europe/Berlin"));
        assert_eq!(
            zone("W. Europe Standard Time").as_deref(),
            Some("Europe/Berlin")
        );
        assert_eq!(
            zone("AUS Eastern Standard Time").as_deref(),
            Some("Australia/Sydney")
        );
        assert_eq!(
            zone("/mozilla.org/20050126_1/America/New_York").as_deref(),
            Some("America/New_York")
        );
        assert_eq!(
            zone("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna").as_deref(),
            Some("Europe/Amsterdam")
        );
        assert_eq!(zone("Customized Time Zone"), None);
        let located = [(
            "Customized Time Zone".to_string(),
            "Europe/Vienna".to_string(),
        )];
        assert_eq!(
            resolve("Customized Time Zone", &located).map(|z| z.name()),
            Some("Europe/Vienna")
        );
    }
}
