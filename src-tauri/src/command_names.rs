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
];
