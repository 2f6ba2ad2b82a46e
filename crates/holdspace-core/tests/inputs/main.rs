//! Bad input on every command's argument types: random and oversized values go through the
//! same core calls the Tauri commands make (each command is one call), and nothing panics; a
//! refused input changes nothing in the vault (every table's rows and content are compared).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../participation/support.rs"]
#[allow(dead_code)]
mod support;

#[path = "../common/contents.rs"]
mod contents;

mod fixture;
mod groups_and_meetings;
mod interop;
mod participation;
mod reminder_settings;
mod shapes;
mod vault;

use std::collections::BTreeMap;

use holdspace_core::buddies::import::{self, ImportChoice};
use holdspace_core::buddies::my_card::{
    self, CardFieldInput, CardFieldKind, MyCardInput, PresetInput,
};
use holdspace_core::buddies::sharing::{self, ShareMethod, ShareRequest, ShareSubject};
use holdspace_core::buddies::support::{self as support_line, LinkKind, SupportLine};
use holdspace_core::buddies::{self, ContactInput, Labelled, Relation};
use holdspace_core::groups::{self, NewGroup};
use holdspace_core::journal::{self, EntryInput, EntryKind};
use holdspace_core::meetings::{self, NewMeeting};
use holdspace_core::reminders::{self, RuleInput, RuleKind};
use holdspace_core::templates::{self, TemplateInput};
use holdspace_core::vault::Vault;
use proptest::prelude::*;

fn contents(vault: &Vault) -> BTreeMap<String, (usize, u64)> {
    contents::contents_except(vault, &[])
}

/// Text as attackers and accidents write it: any characters (controls, NUL, RTL marks), empty,
/// or far too long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
        "[ \\t\\n\\r\\x00-\\x1f]{0,8}",
        (1usize..4).prop_map(|n| "x".repeat(n * 70_000)),
        Just(String::new()),
    ]
}

fn points() -> impl Strategy<Value = Vec<Labelled>> {
    prop::collection::vec(
        (text(), text()).prop_map(|(label, value)| Labelled { label, value }),
        0..25,
    )
}

fn relation() -> impl Strategy<Value = Option<Relation>> {
    prop::option::of(prop_oneof![
        Just(Relation::Buddy),
        Just(Relation::NewcomerISupport),
        Just(Relation::Professional)
    ])
}

fn contact() -> impl Strategy<Value = ContactInput> {
    (
        text(),
        text(),
        relation(),
        points(),
        points(),
        points(),
        text(),
        any::<bool>(),
        prop::collection::vec(any::<i64>(), 0..3),
        text(),
        prop::option::of(text()),
    )
        .prop_map(
            |(
                display_name,
                pronouns,
                relation,
                phones,
                emails,
                messengers,
                availability,
                ok_to_call_any_time,
                group_ids,
                notes,
                since,
            )| ContactInput {
                display_name,
                pronouns,
                relation,
                phones,
                emails,
                messengers,
                availability,
                ok_to_call_any_time,
                group_ids,
                notes,
                since,
                photo: None,
            },
        )
}

/// Runs `call`; if it refuses, the vault must be exactly as before.
fn refused_changes_nothing<T>(vault: &Vault, call: impl FnOnce() -> holdspace_core::Result<T>) {
    let before = contents(vault);
    if call().is_err() {
        assert_eq!(
            contents(vault),
            before,
            "a refused input must change nothing"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn contacts_take_any_input_without_panicking(input in contact(), second in contact()) {
        let (_dir, vault) = support::vault();
        refused_changes_nothing(&vault, || buddies::add(&vault, &input));
        let kept = buddies::add(&vault, &ContactInput { display_name: "Kim".into(), ..ContactInput::default() }).unwrap();
        refused_changes_nothing(&vault, || buddies::edit(&vault, kept.id, &second));
        refused_changes_nothing(&vault, || import::save(&vault, &[ImportChoice { contact: second.clone(), merge_into: Some(kept.id) }]));
        refused_changes_nothing(&vault, || import::preview_text(&vault, &input.notes));
    }

    #[test]
    fn my_card_presets_and_shares_take_any_input(
        name in text(),
        fields in prop::collection::vec((any::<Option<i64>>(), 0usize..11, text(), text(), any::<bool>()), 0..6),
        preset_name in text(),
        preset_ids in prop::collection::vec(any::<i64>(), 0..4),
        recipient in text(),
        method in 0usize..4,
    ) {
        let (_dir, vault) = support::vault();
        let kinds = [CardFieldKind::Name, CardFieldKind::Pronouns, CardFieldKind::Phone, CardFieldKind::Email, CardFieldKind::Messenger, CardFieldKind::Availability, CardFieldKind::OkToCall, CardFieldKind::Relation, CardFieldKind::Since, CardFieldKind::Note, CardFieldKind::Photo];
        let fields: Vec<CardFieldInput> = fields.into_iter().map(|(id, kind, label, value, shared)| CardFieldInput { id, kind: kinds[kind], label, value, shared }).collect();
        refused_changes_nothing(&vault, || my_card::save(&vault, &MyCardInput { display_name: name, fields }));
        refused_changes_nothing(&vault, || my_card::add_preset(&vault, &PresetInput { name: preset_name, field_ids: preset_ids.clone() }));
        let methods = [ShareMethod::QrCode, ShareMethod::Text, ShareMethod::Vcard3File, ShareMethod::Vcard4File];
        let request = ShareRequest { subject: ShareSubject::MyCard, contact_id: preset_ids.first().copied(), preset_id: preset_ids.get(1).copied(), field_ids: Some(preset_ids), method: methods[method], recipient_contact_id: None, recipient };
        refused_changes_nothing(&vault, || {
            sharing::share(&vault, &request, holdspace_core::Language::En)
        });
    }

    #[test]
    fn journal_templates_and_support_lines_take_any_input(
        title in prop::option::of(text()), body in text(), mood in any::<Option<u8>>(),
        tags in prop::option::of(prop::collection::vec(text(), 0..40)), occurrence in prop::option::of(text()),
        line in (text(), text(), text(), text()), link in text(),
    ) {
        let (_dir, vault) = support::vault();
        refused_changes_nothing(&vault, || journal::add(&vault, &EntryInput { kind: EntryKind::Reflection, title: title.clone(), body: body.clone(), mood, feelings: tags.clone(), tags, group_id: Some(7), occurrence_id: occurrence }));
        refused_changes_nothing(&vault, || journal::search(&vault, &body, &Default::default(), 10));
        refused_changes_nothing(&vault, || templates::add(&vault, &TemplateInput { name: title.unwrap_or_default(), kind: EntryKind::Note, body: body.clone() }));
        refused_changes_nothing(&vault, || support_line::line_save(&vault, &SupportLine { name: line.0, phone: line.1, text_number: line.2, notes: line.3 }));
        let _ = support_line::link(LinkKind::Call, &link);
        let _ = support_line::link(LinkKind::Email, &link);
    }

    #[test]
    fn groups_meetings_and_reminders_take_any_input(
        name in text(), kind in text(), joined in prop::option::of(text()), colour in prop::option::of(text()),
        start in text(), zone in text(), duration in any::<u32>(), rule in prop::option::of(text()),
        minutes in any::<Option<u32>>(), time in prop::option::of(text()), weekday in any::<Option<u8>>(),
    ) {
        let (_dir, vault) = support::vault();
        refused_changes_nothing(&vault, || groups::add(&vault, &NewGroup { name: name.clone(), kind, joined, colour, ..NewGroup::default() }));
        let group = support::group(&vault, "2024-01-01");
        refused_changes_nothing(&vault, || meetings::add(&vault, &NewMeeting { group_id: group, title: Some(name.clone()), start_local: start.clone(), time_zone: zone.clone(), duration_minutes: duration, rrule: rule.clone() }));
        for kind in [RuleKind::BeforeMeeting, RuleKind::DailyCheckIn, RuleKind::WeeklyBuddyCall, RuleKind::Custom] {
            let input = RuleInput { kind: Some(kind), group_id: Some(group), minutes_before: minutes, time_of_day: time.clone(), weekday, start_local: Some(start.clone()), time_zone: Some(zone.clone()), rrule: rule.clone(), label: Some(name.clone()) };
            refused_changes_nothing(&vault, || reminders::add_rule(&vault, &input, chrono::Utc::now()));
        }
    }
}
