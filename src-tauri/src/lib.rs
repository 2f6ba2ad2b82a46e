//! The Holdspace desktop shell: window, tray, single instance, window state, the lock
//! handshake, and the commands (thin adapters over holdspace-core). No business rules here.

mod command_names;
pub mod commands;
mod demo;
pub mod desktop;
pub mod error;
mod first_paint;
pub mod ipc;
mod language;
pub mod lock;
pub mod preferences;
mod quick_hide;
pub mod reminders;
pub mod state;
mod tray;

use std::hash::{Hash, Hasher};
use std::process::ExitCode;

use tauri::{Manager, WindowEvent};

pub use command_names::COMMAND_NAMES;
use lock::LockReason;
use state::AppState;

/// The argument the autostart entry passes: start in the tray rather than with a window.
const START_IN_TRAY: &str = "--in-tray";

pub fn run() -> ExitCode {
    let is_demo = demo::requested();
    let data_dir = if is_demo {
        demo::folder()
    } else {
        state::data_dir(|| None)
            .ok_or_else(|| "could not find a data folder: set HOLDSPACE_DATA_DIR".to_string())
    };
    let data_dir = match data_dir {
        Ok(dir) => dir,
        Err(reason) => return refuse_to_start(&reason),
    };
    if data_dir.is_dir() {
        holdspace_core::logging::init_file_log(&data_dir);
    }
    // Before any vault is opened: SQLCipher's memory wiping is set for the whole process.
    holdspace_core::vault::set_memory_security(preferences::memory_security(&data_dir));
    let mut demo_session = None;
    if is_demo {
        match demo::fill(&data_dir) {
            Ok(session) => demo_session = Some(session),
            Err(reason) => return refuse_to_start(&reason),
        }
    }
    let ipc = ipc::builder::<tauri::Wry>();
    let invoke_handler = ipc.invoke_handler();
    let mut builder = tauri::Builder::default();
    // The demo is an instance of its own (off Linux the single-instance lock is per app, not
    // per data folder: the demo would hand over to the person's app, or take its launches) and
    // leaves the person's saved window state alone.
    if !is_demo {
        builder = builder
            // First, so a second launch hands over before anything else starts.
            .plugin(
                tauri_plugin_single_instance::Builder::new()
                    .dbus_id(single_instance_id(&data_dir))
                    .callback(|app, _args, _cwd| tray::show_main_window(app))
                    .build(),
            )
            .plugin(tauri_plugin_window_state::Builder::default().build());
    }
    let mut context = tauri::generate_context!();
    // The demo's window is made in `setup`, so its webview keeps its storage and cache in the
    // demo's folder rather than in the app's local data folder, where the person's vault lives.
    let demo_window = if is_demo {
        context.config_mut().app.windows.drain(..).next()
    } else {
        None
    };
    let app = builder
        .plugin(tauri_plugin_notification::init())
        // Dialogs and the opener are called from Rust only; the webview is granted neither.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![START_IN_TRAY]),
        ))
        .invoke_handler(invoke_handler)
        .setup(move |app| {
            if let Some(config) = &demo_window {
                tauri::WebviewWindowBuilder::from_config(app.handle(), config)?
                    .data_directory(data_dir.join("webview"))
                    .title(match crate::language::of_data_dir(&data_dir) {
                        holdspace_core::Language::En => "Holdspace (demo)",
                        holdspace_core::Language::De => "Holdspace (Demo)",
                    })
                    .build()?;
            }
            ipc.mount_events(app);
            let state = match demo_session {
                Some(session) => AppState::with_session(data_dir.clone(), session, true),
                None => AppState::new(data_dir.clone()),
            };
            // Made-up meetings must not remind the person of anything: the demo sends none.
            if !state.demo {
                reminders::start(app.handle(), state.reminders.clone(), state.clock);
            }
            state.set_desktop(Box::new(desktop::TauriDesktop(app.handle().clone())));
            quick_hide::install(app.handle());
            if preferences::screen_capture_protection(&data_dir) {
                if let Some(desktop) = state.desktop() {
                    desktop.protect_from_capture(true);
                }
            }
            app.manage(state);
            // Without a tray (no status notifier on this desktop) closing quits instead.
            if tray::create(app).is_err() {
                tracing::warn!("no tray icon: closing the window will quit");
            } else if std::env::args().any(|a| a == START_IN_TRAY) {
                // Started at login: wait in the tray, locked, until the user opens the window.
                if let Some(window) = app.get_webview_window("main") {
                    let _ = window.hide();
                }
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                if close_to_tray(window.app_handle(), || {
                    let _ = window.hide();
                }) {
                    api.prevent_close();
                }
            }
        })
        .build(context);
    match app {
        Ok(app) => {
            app.run(|app, event| {
                if let tauri::RunEvent::Exit = event {
                    erase_again_on_exit(app);
                }
            });
            ExitCode::SUCCESS
        }
        Err(error) => {
            tracing::error!("the window could not start: {error}");
            ExitCode::FAILURE
        }
    }
}

fn refuse_to_start(reason: &str) -> ExitCode {
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("Holdspace could not start: {reason}.\n").as_bytes(),
    );
    ExitCode::FAILURE
}

/// After "Delete all my data", plugins (the window state) and the webview write once more as
/// the app exits; this runs after them and removes what they wrote.
fn erase_again_on_exit(app: &tauri::AppHandle) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    if state.demo {
        let _ = state.session.lock();
        demo::remove(&state.data_dir);
        return;
    }
    if state.erased.load(std::sync::atomic::Ordering::SeqCst) {
        holdspace_core::vault::erase_folder(&state.data_dir);
        if let Some(desktop) = state.desktop() {
            desktop.erase_app_files();
        }
    }
}

/// What closing the window means: with a tray, hide the window (`hide`) and keep running so
/// reminders still arrive (never for the demo); either way, lock the vault. Returns whether the app stays.
pub fn close_to_tray<R: tauri::Runtime>(app: &tauri::AppHandle<R>, hide: impl FnOnce()) -> bool {
    let wanted = app
        .try_state::<AppState>()
        // The demo quits on close: its promise is that closing it throws it away.
        .is_none_or(|state| !state.demo && preferences::keep_in_tray(&state.data_dir));
    let kept = wanted && app.tray_by_id("main").is_some();
    if kept {
        hide();
    }
    lock::request(app, LockReason::WindowClosed);
    kept
}

/// One instance per data folder, so two vaults (as in tests) can run side by side.
fn single_instance_id(data_dir: &std::path::Path) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data_dir.hash(&mut hasher);
    format!("app.holdspace.desktop.v{:016x}", hasher.finish())
}
