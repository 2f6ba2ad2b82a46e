//! Groups and meetings beyond adding them (src-tauri's commands/groups.rs and meetings.rs):
//! any changes to any id, membership on any date, the meeting link to open, exceptions on any
//! occurrence id, and any window of occurrences, parsed as the command parses it.

use holdspace_core::groups::{
    self, GroupChanges, KnownNorm, MembershipEventKind, MyRole, Venue, BUILT_IN_KINDS,
};
use holdspace_core::meetings::{self, ExceptionKind};
use holdspace_core::time::parse_instant;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::fixture::{lived_in, occurrence};
use crate::refused_changes_nothing;
use crate::shapes::{date, id, instant, local, long_text, occurrence_id};

const NORMS: [KnownNorm; 6] = [
    KnownNorm::Confidentiality,
    KnownNorm::NoCrossTalk,
    KnownNorm::IStatements,
    KnownNorm::OneSharePerRound,
    KnownNorm::FeedbackOnlyWhenAsked,
    KnownNorm::PhonesAway,
];

/// A group's kind: a built-in one, a slug of the user's, one just off, or any text.
fn kind() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(BUILT_IN_KINDS.to_vec()).prop_map(String::from),
        "[a-z0-9-]{0,45}",
        prop::sample::select(vec!["Grief-Loss", "-grief", "grief-", " other ", "grüef"])
            .prop_map(String::from),
        long_text(),
    ]
}

/// A colour: #rrggbb, or something near it (seven bytes that are not hex digits, a wide
/// character after the #), or any text.
fn colour() -> impl Strategy<Value = String> {
    prop_oneof![
        "#[0-9a-fA-F]{6}",
        "#[0-9a-zA-Z]{5,7}",
        prop::sample::select(vec!["#é1234", "#12345é", "é#12345", "#ffffff ", "#FFF"])
            .prop_map(String::from),
        long_text(),
    ]
}

fn changes() -> impl Strategy<Value = GroupChanges> {
    (
        (
            prop::option::of(long_text()),
            prop::option::of(kind()),
            prop::option::of(long_text()),
            prop::option::of(prop::sample::select(vec![
                Venue::CommunityCentre,
                Venue::PrivateHome,
                Venue::Online,
                Venue::Other,
            ])),
            prop::option::of(long_text()),
            prop::option::of(prop_oneof![
                "https?://[ -~]{0,40}",
                "(javascript|file|ftp):[ -~]{0,20}",
                long_text()
            ]),
        ),
        (
            prop::option::of(long_text()),
            prop::option::of(prop::collection::vec(
                prop::sample::select(NORMS.to_vec()),
                0..12,
            )),
            prop::option::of(prop::collection::vec(long_text(), 0..35)),
            prop::option::of(prop::sample::select(vec![
                MyRole::Newcomer,
                MyRole::Member,
                MyRole::Facilitator,
                MyRole::CoFacilitator,
                MyRole::Organiser,
            ])),
            prop::option::of(colour()),
        ),
    )
        .prop_map(
            |(
                (name, kind, description, venue, address, meeting_link),
                (venue_notes, norms, own_norms, my_role, colour),
            )| GroupChanges {
                name,
                kind,
                description,
                venue,
                address,
                meeting_link,
                venue_notes,
                norms,
                own_norms,
                my_role,
                colour,
            },
        )
}

const EVENTS: [MembershipEventKind; 4] = [
    MembershipEventKind::Joined,
    MembershipEventKind::Paused,
    MembershipEventKind::Left,
    MembershipEventKind::Rejoined,
];

const EXCEPTIONS: [ExceptionKind; 3] = [
    ExceptionKind::Skipped,
    ExceptionKind::Cancelled,
    ExceptionKind::Moved,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn groups_take_any_changes_membership_and_id_and_a_refused_one_changes_nothing(
        edited in changes(),
        id in id(),
        events in prop::collection::vec((prop::sample::select(EVENTS.to_vec()), date()), 0..4),
        archive in id(),
        delete in id(),
        include_archived in any::<bool>(),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        // Half the time the id is the group itself, so the checks after "found" run too.
        let id = if id % 2 == 0 { lived.group } else { id };
        refused_changes_nothing(vault, || groups::edit(vault, id, &edited));
        for (event, on) in &events {
            refused_changes_nothing(vault, || groups::record_membership(vault, id, *event, on));
        }
        refused_changes_nothing(vault, || groups::get(vault, id));
        refused_changes_nothing(vault, || groups::meeting_link_to_open(vault, id));
        refused_changes_nothing(vault, || groups::list(vault, include_archived));
        refused_changes_nothing(vault, || groups::archive(vault, archive));
        refused_changes_nothing(vault, || groups::delete(vault, delete));
    }

    #[test]
    fn meetings_take_any_exception_and_window_and_a_refused_one_changes_nothing(
        picks in prop::collection::vec(
            (
                (prop::option::weighted(0.6, any::<Index>()), any::<u8>(), occurrence_id()),
                prop::sample::select(EXCEPTIONS.to_vec()),
                prop::option::of(local()),
            ),
            1..4,
        ),
        from in instant(),
        to in instant(),
        group in prop::option::of(id()),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        for (pick, kind, moved) in &picks {
            let occurrence = occurrence(&lived.occurrences, pick);
            refused_changes_nothing(vault, || meetings::set_exception(vault, &occurrence, *kind, moved.as_deref()));
        }
        refused_changes_nothing(vault, || meetings::list(vault, group));
        // As the command does: both instants parsed, then the window read.
        refused_changes_nothing(vault, || {
            let (from, to) = (parse_instant("from", &from)?, parse_instant("to", &to)?);
            meetings::occurrences(vault, from, to, group)
        });
    }
}
