// The one list of the app's command names. build.rs includes this file to generate one
// permission per command (capabilities grant them by name), and a test checks it against the
// commands registered with tauri-specta, so a command cannot exist without being listed here.
pub const COMMAND_NAMES: &[&str] = &[
    "vault_state",
    "vault_create",
    "vault_unlock",
    "vault_lock",
    "vault_change_passphrase",
    "vault_add_protector",
    "vault_remove_protector",
    "vault_recover",
    "vault_regenerate_recovery_code",
    "group_list",
    "group_get",
    "group_add",
    "group_edit",
    "group_archive",
    "group_delete",
    "meeting_list",
    "meeting_add",
    "meeting_set_exception",
    "meeting_occurrences",
    "attendance_record",
    "attendance_list",
    "insights_compute",
];
