//! The languages Holdspace speaks. The UI has its own translation files; the core needs the
//! choice only for the few texts it writes itself and shows outside the window, such as a
//! reminder's notification.

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    De,
}

impl Language {
    /// The language of one locale as the system names it ("de-DE", "de_AT.UTF-8", "en-GB"),
    /// if Holdspace speaks it.
    fn of_locale(locale: &str) -> Option<Self> {
        let primary = locale.split(['-', '_', '.', '@']).next()?;
        if primary.eq_ignore_ascii_case("de") {
            Some(Self::De)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The first of the person's locales, in their order of preference, that Holdspace
    /// speaks; English if none. The UI chooses the same way (`ui/src/i18n/language.ts`), so
    /// notifications speak the window's language.
    pub fn preferred<'a>(locales: impl IntoIterator<Item = &'a str>) -> Self {
        locales
            .into_iter()
            .find_map(Self::of_locale)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_german_locale_speaks_german_and_a_locale_without_a_language_here_english() {
        for german in ["de", "de-DE", "de_AT.UTF-8", "DE-ch", "de@euro"] {
            assert_eq!(
                Language::preferred([german]),
                Language::De,
                "{german} is German"
            );
        }
        for other in ["en-US", "en_GB.UTF-8", "fr-FR", "C", "", "dea", "nl-BE"] {
            assert_eq!(
                Language::preferred([other]),
                Language::En,
                "{other:?} is English or has no language here, so English, as the UI falls back"
            );
        }
    }

    #[test]
    fn the_first_locale_holdspace_speaks_wins_as_in_the_ui() {
        assert_eq!(
            Language::preferred(["fr-FR", "de-DE", "en-US"]),
            Language::De,
            "French is not spoken here, German is the next choice"
        );
        assert_eq!(
            Language::preferred(["en-GB", "de-DE"]),
            Language::En,
            "English comes first"
        );
        assert_eq!(Language::preferred([]), Language::En, "no locale: English");
    }
}
