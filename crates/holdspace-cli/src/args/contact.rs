//! The `contact` and `share` nouns: buddies, mentors and the people the user supports, vCard
//! import and export, and the log of what was shared.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RelationArg {
    Buddy,
    Mentor,
    Sponsor,
    TemporarySponsor,
    NewcomerISupport,
    Peer,
    Professional,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Vcard3,
    Vcard4,
    QrSvg,
}

/// A contact's fields. On `edit`, a field given replaces the old value and a list given
/// (`--phone`, `--email`, `--messenger`, `--group`) replaces the whole list.
#[derive(Debug, Args)]
pub struct ContactFields {
    /// A first name or an alias is enough.
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub pronouns: Option<String>,
    #[arg(long, value_enum)]
    pub relation: Option<RelationArg>,
    /// A phone number, optionally labelled: `mobile=+49 170 1234567`. Repeat for more.
    #[arg(long = "phone", value_name = "[LABEL=]NUMBER")]
    pub phones: Vec<String>,
    /// An e-mail address, optionally labelled: `work=sam@example.org`. Repeat for more.
    #[arg(long = "email", value_name = "[LABEL=]ADDRESS")]
    pub emails: Vec<String>,
    /// A messenger handle with its service: `Signal=@sam`. Repeat for more.
    #[arg(long = "messenger", value_name = "SERVICE=HANDLE")]
    pub messengers: Vec<String>,
    /// When they like to be reached: "evenings", "weekends", your words.
    #[arg(long)]
    pub availability: Option<String>,
    /// They said it is OK to call them any time (shown in Support now).
    #[arg(long, overrides_with = "not_any_time")]
    pub any_time: bool,
    /// Take back "OK to call any time".
    #[arg(long)]
    pub not_any_time: bool,
    /// A group you both go to (its id). Repeat for more.
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<i64>,
    #[arg(long)]
    pub notes: Option<String>,
    /// YYYY-MM-DD: since when they are your buddy, mentor, ...
    #[arg(long)]
    pub since: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ContactAction {
    /// Add a contact; prints it with its id.
    Add {
        #[command(flatten)]
        fields: ContactFields,
    },
    /// List contacts by name, optionally filtered.
    List {
        #[arg(long, value_enum)]
        relation: Option<RelationArg>,
        /// Only contacts in this group (its id).
        #[arg(long)]
        group: Option<i64>,
        /// Words to find in any field.
        #[arg(long)]
        search: Option<String>,
        /// Only those OK to call any time.
        #[arg(long)]
        any_time: bool,
    },
    /// Show one contact.
    Show { id: i64 },
    /// Change a contact's fields; those not given stay as they are.
    Edit {
        id: i64,
        #[command(flatten)]
        fields: ContactFields,
    },
    /// Delete a contact (the share log keeps the name it had).
    Delete { id: i64 },
    /// Import the cards in a .vcf file (vCard 2.1, 3.0 or 4.0); prints the cards found in file
    /// order. Photos are dropped unless --keep-photos.
    Import {
        file: PathBuf,
        /// Show what would be imported and save nothing.
        #[arg(long)]
        dry_run: bool,
        /// Keep the photos the cards carry.
        #[arg(long)]
        keep_photos: bool,
    },
    /// Export a contact's card, or your own (--me), to a file, and log the share.
    #[command(group(ArgGroup::new("whose").required(true).args(["id", "me"])))]
    Export {
        /// The contact whose card to export.
        id: Option<i64>,
        /// Your own card: the fields ticked on it, or a preset's.
        #[arg(long)]
        me: bool,
        /// A preset of your card ("close buddy"), with --me.
        #[arg(long, requires = "me")]
        preset: Option<String>,
        /// vCard 4.0 unless asked otherwise; 3.0 for older phones; a QR code as SVG.
        #[arg(long, value_enum, default_value = "vcard4")]
        format: ExportFormat,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Who receives it, in your words (for the share log).
        #[arg(long, value_name = "TEXT")]
        to: Option<String>,
        /// Who receives it, as one of your contacts (for the share log).
        #[arg(long, value_name = "ID")]
        to_contact: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ShareAction {
    /// Every card you shared, newest first: what, how, and with whom.
    List,
}
