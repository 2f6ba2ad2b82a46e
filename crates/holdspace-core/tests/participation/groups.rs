//! Groups: validation, editing, archiving, membership history.

use holdspace_core::groups::{self, GroupChanges, MembershipEventKind, MyRole, NewGroup, Venue};
use holdspace_core::ErrorCode;

use crate::support::*;

#[test]
fn a_group_keeps_what_was_given_and_defaults_the_rest() {
    let (_dir, vault) = vault();
    let group = groups::add(
        &vault,
        &NewGroup {
            name: "  Parents together ".into(),
            kind: "parenting-caregiver".into(),
            venue: Some(Venue::Online),
            meeting_link: Some("https://meet.example/abc".into()),
            joined: Some("2026-01-10".into()),
            ..NewGroup::default()
        },
    )
    .unwrap();
    assert_eq!(group.name, "Parents together", "names are trimmed");
    assert_eq!(group.my_role, MyRole::Member, "member by default");
    assert_eq!(group.membership.len(), 1, "joining is recorded");
    assert_eq!(group.membership[0].on, "2026-01-10");
}

#[test]
fn only_a_saved_web_link_is_handed_out_to_be_opened() {
    let (_dir, vault) = vault();
    let online = groups::add(
        &vault,
        &NewGroup {
            name: "Online circle".into(),
            kind: "other".into(),
            venue: Some(Venue::Online),
            meeting_link: Some("https://meet.example/abc".into()),
            ..NewGroup::default()
        },
    )
    .unwrap();
    assert_eq!(
        groups::meeting_link_to_open(&vault, online.id).unwrap(),
        "https://meet.example/abc",
        "the saved https link is what the browser gets"
    );
    let hall = groups::add(
        &vault,
        &NewGroup {
            name: "Hall circle".into(),
            kind: "other".into(),
            ..NewGroup::default()
        },
    )
    .unwrap();
    assert_eq!(
        groups::meeting_link_to_open(&vault, hall.id)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound,
        "a group without a link opens nothing"
    );
    assert_eq!(
        groups::meeting_link_to_open(&vault, 9_999)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound,
        "nor does a group that does not exist"
    );
}

#[test]
fn bad_group_input_is_refused_naming_the_field_and_changes_nothing() {
    let (_dir, vault) = vault();
    let cases = [
        (
            NewGroup {
                name: "".into(),
                kind: "other".into(),
                ..NewGroup::default()
            },
            "name",
        ),
        (
            NewGroup {
                name: "x".into(),
                kind: "Not A Kind!".into(),
                ..NewGroup::default()
            },
            "kind",
        ),
        (
            NewGroup {
                name: "x".into(),
                kind: "other".into(),
                meeting_link: Some("javascript:alert(1)".into()),
                ..NewGroup::default()
            },
            "meeting_link",
        ),
        (
            NewGroup {
                name: "x".into(),
                kind: "other".into(),
                colour: Some("red".into()),
                ..NewGroup::default()
            },
            "colour",
        ),
        (
            NewGroup {
                name: "x".into(),
                kind: "other".into(),
                joined: Some("yesterday".into()),
                ..NewGroup::default()
            },
            "joined",
        ),
        (
            NewGroup {
                name: "x".repeat(300),
                kind: "other".into(),
                ..NewGroup::default()
            },
            "name",
        ),
    ];
    for (new, field) in cases {
        let error = groups::add(&vault, &new).unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidInput, "{field}");
        assert!(
            error.to_string().starts_with(field),
            "the message names {field}: {error}"
        );
    }
    assert!(
        groups::list(&vault, true).unwrap().is_empty(),
        "nothing was stored"
    );
}

#[test]
fn a_kind_of_the_users_own_is_accepted() {
    let (_dir, vault) = vault();
    let group = groups::add(
        &vault,
        &NewGroup {
            name: "Long covid".into(),
            kind: "long-covid-peers".into(),
            ..NewGroup::default()
        },
    )
    .unwrap();
    assert_eq!(group.kind, "long-covid-peers");
}

#[test]
fn archiving_hides_a_group_from_lists_and_keeps_it() {
    let (_dir, vault) = vault();
    let id = group(&vault, "2026-01-01");
    groups::edit(
        &vault,
        id,
        &GroupChanges {
            my_role: Some(MyRole::Facilitator),
            ..GroupChanges::default()
        },
    )
    .unwrap();
    groups::record_membership(&vault, id, MembershipEventKind::Paused, "2026-03-01").unwrap();
    groups::archive(&vault, id).unwrap();
    assert!(
        groups::list(&vault, false).unwrap().is_empty(),
        "archived groups leave the list"
    );
    let kept = groups::get(&vault, id).unwrap();
    assert!(kept.archived);
    assert_eq!(kept.my_role, MyRole::Facilitator, "nothing else changes");
    assert_eq!(kept.membership.len(), 2, "membership history kept");
    groups::delete(&vault, id).unwrap();
    assert_eq!(
        groups::get(&vault, id).unwrap_err().code(),
        ErrorCode::NotFound,
        "delete removes it"
    );
}

#[test]
fn membership_changes_must_follow_each_other() {
    let (_dir, vault) = vault();
    let id = group(&vault, "2026-01-01");
    let refused = |event, on: &str| {
        groups::record_membership(&vault, id, event, on)
            .unwrap_err()
            .code()
    };
    assert_eq!(
        refused(MembershipEventKind::Rejoined, "2026-02-01"),
        ErrorCode::InvalidInput,
        "already a member"
    );
    assert_eq!(
        refused(MembershipEventKind::Paused, "2025-12-01"),
        ErrorCode::InvalidInput,
        "before joining"
    );
    groups::record_membership(&vault, id, MembershipEventKind::Paused, "2026-02-01").unwrap();
    assert_eq!(
        refused(MembershipEventKind::Left, "2026-03-01"),
        ErrorCode::InvalidInput,
        "not a member while paused"
    );
    groups::record_membership(&vault, id, MembershipEventKind::Rejoined, "2026-03-01").unwrap();
    assert_eq!(groups::get(&vault, id).unwrap().membership.len(), 3);
}
