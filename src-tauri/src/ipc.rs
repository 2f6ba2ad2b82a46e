//! The IPC contract in one declaration: the commands and events tauri-specta registers and
//! exports to `ui/src/ipc/bindings.ts` (committed; a test fails when it is stale).

use specta_typescript::Typescript;
use tauri_specta::{collect_commands, collect_events, Builder};

use crate::commands::{
    buddies, demo, facilitation, groups, interop, journal, meetings, participation, pathway,
    preferences, reminders, safekeeping, templates, vault, window,
};
use crate::lock::{LockRequested, VaultLocked};

pub const BINDINGS_PATH: &str = "../ui/src/ipc/bindings.ts";

/// Generic over the runtime so the mock runtime's tests wire the very same commands.
pub fn builder<R: tauri::Runtime>() -> Builder<R> {
    Builder::<R>::new()
        .commands(collect_commands![
            vault::vault_state,
            vault::vault_create,
            vault::vault_unlock,
            vault::vault_lock,
            vault::vault_erase_everything,
            vault::vault_rotate_key,
            vault::vault_change_passphrase,
            vault::vault_add_protector,
            vault::vault_remove_protector,
            vault::vault_recover,
            vault::vault_regenerate_recovery_code,
            groups::group_list,
            groups::group_get,
            groups::group_open_meeting_link,
            groups::group_add,
            groups::group_edit,
            groups::group_archive,
            groups::group_delete,
            meetings::meeting_list,
            meetings::meeting_add,
            meetings::meeting_set_exception,
            meetings::meeting_occurrences,
            participation::attendance_record,
            participation::attendance_list,
            participation::attendance_awaiting,
            participation::insights_compute,
            groups::group_record_membership,
            participation::milestone_current,
            participation::milestone_start,
            participation::milestone_reset,
            facilitation::facilitation_add,
            facilitation::facilitation_list,
            facilitation::facilitation_delete,
            pathway::pathway_get,
            pathway::pathway_tick,
            demo::demo_open,
            demo::demo_active,
            journal::journal_add,
            journal::journal_edit,
            journal::journal_get,
            journal::journal_page,
            journal::journal_search,
            journal::journal_delete,
            journal::journal_restore,
            journal::journal_empty_trash,
            templates::template_list,
            templates::template_add,
            templates::template_edit,
            templates::template_reset,
            templates::template_delete,
            reminders::reminder_list,
            reminders::reminder_add,
            reminders::reminder_edit,
            reminders::reminder_set_enabled,
            reminders::reminder_delete,
            reminders::reminder_settings,
            reminders::reminder_set_settings,
            reminders::reminder_next,
            reminders::reminder_snooze,
            reminders::reminder_dismiss,
            reminders::reminder_history,
            buddies::contact_list,
            buddies::contact_get,
            buddies::contact_add,
            buddies::contact_edit,
            buddies::contact_delete,
            buddies::contact_import_file,
            buddies::contact_import_text,
            buddies::contact_import_save,
            buddies::my_card_get,
            buddies::my_card_save,
            buddies::share_preset_add,
            buddies::share_preset_edit,
            buddies::share_preset_delete,
            buddies::card_share,
            buddies::card_export_file,
            buddies::share_list,
            buddies::support_line_get,
            buddies::support_line_save,
            buddies::contact_open_link,
            interop::calendar_import_file,
            interop::calendar_follow,
            interop::calendar_export_file,
            interop::feed_import_file,
            interop::feed_follow,
            safekeeping::backup_create_file,
            safekeeping::backup_restore_file,
            safekeeping::export_journal_folder,
            safekeeping::export_attendance_file,
            safekeeping::export_contacts_file,
            window::window_close,
            window::window_first_screen_painted,
            preferences::preferences_get,
            preferences::preferences_set,
        ])
        .events(collect_events![LockRequested, VaultLocked])
        // What "Delete all my data" asks the person to type; the core checks the same text.
        .constant(
            "ERASE_CONFIRMATION",
            holdspace_core::vault::ERASE_CONFIRMATION,
        )
        // The About section's version and licence, from the crate as built.
        .constant("APP_VERSION", env!("CARGO_PKG_VERSION"))
        .constant("APP_LICENCE", env!("CARGO_PKG_LICENSE"))
        // One shape per type for both directions, as the UI sees them.
        .disable_serde_phases()
        // Row ids and versions are i64 in Rust; they stay far below 2^53.
        .dangerously_cast_bigints_to_number()
}

/// The TypeScript for the bindings file.
pub fn typescript() -> Typescript {
    Typescript::default().header(
        "// Generated by src-tauri (tauri-specta) from the Rust commands and types. Do not edit.\n",
    )
}
