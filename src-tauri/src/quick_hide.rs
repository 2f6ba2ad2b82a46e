//! Quick hide from anywhere: a global shortcut that hides every window and locks the vault at
//! once, even when Holdspace is not in front (someone walks in). The button and the in-window
//! shortcut do the same from the window itself.
//!
//! Registered from Rust only (the webview gets no global-shortcut permission). Where the
//! desktop gives apps no global shortcuts (Wayland without XWayland) or another app holds
//! the key, Holdspace starts all the same and the button remains.

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{GlobalShortcutExt, ShortcutState};

use crate::lock::{self, LockReason};

/// Ctrl+Alt+H: H for hide, with two modifiers so no everyday shortcut of another app is
/// taken (Ctrl+Shift+H, the in-window one, is "replace in files" in editors).
pub const SHORTCUT: &str = "ctrl+alt+h";

pub fn install<R: Runtime>(app: &AppHandle<R>) {
    let plugin = tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, _shortcut, event| {
            if event.state() == ShortcutState::Pressed {
                hide_everything(app);
            }
        })
        .build();
    if app.plugin(plugin).is_err() {
        tracing::warn!("no global shortcuts on this desktop: quick hide is the button only");
        return;
    }
    if app.global_shortcut().register(SHORTCUT).is_err() {
        tracing::warn!("the quick-hide shortcut is taken or not allowed here");
    }
}

/// Every window hidden first (nothing stays on screen while the lock handshake runs), then
/// the lock: the UI takes Holdspace's text off the clipboard and locks; the shell locks
/// after the grace period if the UI does not.
pub fn hide_everything<R: Runtime>(app: &AppHandle<R>) {
    for window in app.webview_windows().values() {
        if window.hide().is_err() {
            tracing::warn!("a window could not be hidden");
        }
    }
    lock::request(app, LockReason::QuickHide);
}
