//! The lock handshake of DESIGN.md: the shell announces a lock, the UI saves any pending edit
//! through the normal save command and then calls `vault_lock`; if the UI has not done so
//! within the grace period (hung, or hidden and throttled), the shell locks anyway. Either way
//! the UI is then told the vault is locked and shows only the unlock screen.

use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_specta::Event;

use crate::state::AppState;

/// Long enough for a debounced save to go through, short enough that a closed window does not
/// leave the vault open.
const GRACE: Duration = Duration::from_millis(750);

#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    WindowClosed,
    TrayMenu,
    /// The global quick-hide shortcut: the UI also takes Holdspace's text off the clipboard.
    QuickHide,
}

/// Save what is pending, then call `vault_lock`.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
pub struct LockRequested {
    pub reason: LockReason,
}

/// The vault is locked: show the unlock screen and drop any user text held in memory.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
pub struct VaultLocked;

pub fn request<R: Runtime>(app: &AppHandle<R>, reason: LockReason) {
    let request = LockRequested { reason };
    if request.emit(app).is_err() {
        tracing::warn!("the lock request could not reach the window");
    }
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        if let Some(state) = app.try_state::<AppState>() {
            if state.after_change(state.session.lock()).is_err() {
                tracing::warn!("the vault could not be locked after the grace period");
            }
        }
        let _ = VaultLocked.emit(&app);
    });
}
