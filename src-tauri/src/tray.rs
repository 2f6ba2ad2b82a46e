//! The tray icon: open the window, lock, quit. Closing the window hides it here and locks.
//! Its menu speaks the window's language, and follows a change made in Settings.

use holdspace_core::Language;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{App, AppHandle, Manager, Runtime, Wry};

use crate::lock::{self, LockReason};

/// The menu's entries: (id, English, German).
const ENTRIES: [(&str, &str, &str); 3] = [
    ("open", "Open Holdspace", "Holdspace öffnen"),
    ("lock", "Lock", "Sperren"),
    ("quit", "Quit", "Beenden"),
];

fn word(entry: (&str, &'static str, &'static str), language: Language) -> &'static str {
    match language {
        Language::En => entry.1,
        Language::De => entry.2,
    }
}

/// The menu's items, kept to reword them when the language changes.
struct TrayMenu<R: Runtime>(Vec<MenuItem<R>>);

pub fn create(app: &App) -> tauri::Result<()> {
    let language = crate::language::of_app(app.handle());
    let items = ENTRIES
        .iter()
        .map(|&entry| MenuItem::with_id(app, entry.0, word(entry, language), true, None::<&str>))
        .collect::<tauri::Result<Vec<MenuItem<Wry>>>>()?;
    let refs: Vec<&dyn tauri::menu::IsMenuItem<Wry>> = items
        .iter()
        .map(|item| item as &dyn tauri::menu::IsMenuItem<Wry>)
        .collect();
    let menu = Menu::with_items(app, &refs)?;
    let mut tray = TrayIconBuilder::with_id("main")
        .tooltip("Holdspace")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => show_main_window(app),
            "lock" => lock::request(app, LockReason::TrayMenu),
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    app.manage(TrayMenu(items));
    Ok(())
}

/// Rewords the menu in `language` (after a change in Settings); nothing without a tray.
pub fn speak<R: Runtime>(app: &AppHandle<R>, language: Language) {
    let Some(menu) = app.try_state::<TrayMenu<R>>() else {
        return;
    };
    for (item, &entry) in menu.0.iter().zip(ENTRIES.iter()) {
        if item.set_text(word(entry, language)).is_err() {
            tracing::warn!("a tray menu entry could not be reworded");
        }
    }
}

pub fn show_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tray_menu_has_each_entry_in_each_language() {
        for entry in ENTRIES {
            let (english, german) = (word(entry, Language::En), word(entry, Language::De));
            assert!(
                !english.is_empty() && !german.is_empty(),
                "{}: both worded",
                entry.0
            );
            assert_ne!(
                english, german,
                "{}: the German is not the English",
                entry.0
            );
        }
    }
}
