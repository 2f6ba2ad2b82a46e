//! What the commands need from the desktop, without knowing the Tauri runtime (the IPC tests
//! run the commands on the mock runtime): closing the window, and the autostart entry.

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;

pub trait Desktop: Send + Sync {
    /// Closes the main window as its close button does; whether the app stays in the tray.
    fn close_window(&self) -> bool;
    fn starts_at_login(&self) -> Result<bool, String>;
    fn set_start_at_login(&self, on: bool) -> Result<(), String>;
}

pub struct TauriDesktop<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> std::fmt::Debug for TauriDesktop<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TauriDesktop")
    }
}

impl<R: Runtime> Desktop for TauriDesktop<R> {
    fn close_window(&self) -> bool {
        let Some(window) = self.0.get_webview_window("main") else {
            return false;
        };
        let kept = crate::close_to_tray(&self.0, || {
            let _ = window.hide();
        });
        if !kept {
            let _ = window.close();
        }
        kept
    }

    fn starts_at_login(&self) -> Result<bool, String> {
        self.0.autolaunch().is_enabled().map_err(|e| e.to_string())
    }

    fn set_start_at_login(&self, on: bool) -> Result<(), String> {
        let autolaunch = self.0.autolaunch();
        if on {
            autolaunch.enable().map_err(|e| e.to_string())
        } else if autolaunch.is_enabled().unwrap_or(false) {
            autolaunch.disable().map_err(|e| e.to_string())
        } else {
            Ok(())
        }
    }
}
