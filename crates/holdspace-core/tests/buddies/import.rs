//! One fixture per quirk of real vCard writers; each must import as a person would expect.

use holdspace_core::buddies::import::contact_from;
use holdspace_core::buddies::{Labelled, Relation};
use holdspace_core::interop::vcard::{self, Card};

use super::fixture;

fn point(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

fn only(name: &str) -> Card {
    let mut cards = vcard::parse(&fixture(name));
    assert_eq!(cards.len(), 1, "{name} holds one card");
    cards.remove(0)
}

#[test]
fn vcard_2_1_quoted_printable_names_with_umlauts_and_soft_line_breaks_decode() {
    let card = only("v21_quoted_printable.vcf");
    assert_eq!(
        card.name, "Jürgen Müller-Lüdenscheid",
        "QP UTF-8 with a soft line break in the middle of a word must decode to one name"
    );
    assert_eq!(
        card.phones,
        [
            point("mobile", "+49 170 1234567"),
            point("home", "030 7654321")
        ],
        "bare TEL;CELL;PREF and TEL;HOME;VOICE must read as typed numbers"
    );
    assert_eq!(card.emails, [point("", "juergen@example.org")]);
    assert_eq!(
        card.notes, "Trifft sich donnerstags über den Hof.\nMag Tee= gut.",
        "a QP soft break before an indented line keeps the space; =3D is an equals sign"
    );
    assert_eq!(card.messengers, [point("Signal", "+491701234567")]);
}

#[test]
fn vcard_2_1_declared_latin_1_decodes_to_the_same_letters() {
    let card = only("v21_latin1.vcf");
    assert_eq!(
        card.name, "Bärbel Götz",
        "N without FN is joined given name first"
    );
    assert_eq!(
        card.notes, "Grüße aus Wien",
        "CHARSET=ISO-8859-1 without QP"
    );
    assert_eq!(card.phones, [point("work fax", "+43 1 234")]);
}

#[test]
fn iphone_cards_keep_their_labels_escapes_and_drop_the_photo_unless_kept() {
    let card = only("v30_ios.vcf");
    assert_eq!(card.name, "Ada Okafor, Jr.", "\\, is a comma in FN");
    assert_eq!(
        card.other_name, "Harbour Recovery; Tuesdays",
        "\\; is a semicolon"
    );
    assert_eq!(
        card.phones,
        [
            point("Sponsor line", "+1 (555) 010-2030"),
            point("mobile", "+1 555 010 4040")
        ],
        "an item group's X-ABLabel is the label; lower-case type=CELL still reads as mobile"
    );
    assert_eq!(
        card.emails,
        [point("Other", "ada@example.com")],
        "Apple's own _$!<Other>!$_ label is unwrapped"
    );
    assert_eq!(card.messengers, [point("Signal", "+15550102030")]);
    assert_eq!(
        card.notes,
        "Met at the Tuesday group, says: call after 6; not before.\nPrefers texts."
    );
    assert!(card.had_photo, "the card had a photo");
    let photo = card.photo.as_ref().expect("a folded base64 photo decodes");
    assert_eq!(photo.media_type, "image/jpeg");
    assert_eq!(
        photo.base64.len(),
        2048,
        "all 1,536 bytes over 21 folded lines"
    );
    assert!(
        contact_from(&card, false).photo.is_none(),
        "photos are dropped unless the user keeps them"
    );
    assert_eq!(contact_from(&card, true).photo, card.photo);
}

#[test]
fn vcard_4_uri_values_give_plain_numbers_and_a_data_uri_photo() {
    let card = only("v40_uri.vcf");
    assert_eq!(card.name, "Sam Rivera");
    assert_eq!(card.pronouns, "they/them");
    assert_eq!(
        card.phones,
        [
            point("mobile", "+1-555-555-1234"),
            point("work", "+1-555-555-9876;ext=12")
        ],
        "tel: URIs lose their scheme; a quoted TYPE list is read"
    );
    assert_eq!(card.emails, [point("work", "sam@example.net")]);
    assert_eq!(card.messengers, [point("Xmpp", "sam@chat.example.net")]);
    assert_eq!(
        card.photo.as_ref().map(|p| p.media_type.as_str()),
        Some("image/png")
    );
}

#[test]
fn crlf_lf_and_lone_cr_in_one_file_read_alike() {
    let card = only("mixed_endings.vcf");
    assert_eq!(card.name, "Mixed Endings");
    assert_eq!(card.phones, [point("home", "+44 20 7946 0000")]);
    assert_eq!(card.emails, [point("", "mixed@example.org")]);
}

#[test]
fn lines_folded_with_a_space_or_a_tab_are_joined() {
    let card = only("folded.vcf");
    assert_eq!(
        card.name, "Folded Name",
        "the fold removes one whitespace character only"
    );
    assert_eq!(
        card.notes,
        "A note long enough that the writer folded it over more than one line, once with a space and once with a tab."
    );
}

#[test]
fn several_cards_in_one_file_come_out_in_file_order() {
    let cards = vcard::parse(&fixture("several.vcf"));
    let names: Vec<&str> = cards.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Card One", "Card Two", "Card Three"]);
    assert_eq!(cards[1].emails, [point("home", "two@example.org")]);
    assert_eq!(cards[2].phones, [point("", "+33-1-23-45-67-89")]);
}

#[test]
fn cards_without_fn_are_named_from_n_or_left_unnamed() {
    let cards = vcard::parse(&fixture("no_name.vcf"));
    assert_eq!(cards.len(), 2);
    assert_eq!(
        cards[0].name, "Dr. Keiko Nakamura",
        "N joined in spoken order"
    );
    assert_eq!(cards[1].name, "", "neither FN nor N: the name is empty");
    assert_eq!(
        contact_from(&cards[1], false).display_name,
        "nobody@example.com",
        "a contact still needs a name to show: the first address stands in"
    );
}

#[test]
fn holdspace_fields_and_relation_survive_in_x_properties() {
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kim\r\nX-HOLDSPACE-RELATION:temporary-sponsor\r\nX-HOLDSPACE-OK-TO-CALL:true\r\nX-HOLDSPACE-SINCE:2024-03-01\r\nX-HOLDSPACE-AVAILABILITY:evenings\r\nEND:VCARD\r\n";
    let card = &vcard::parse(text.as_bytes())[0];
    assert_eq!(card.relation, Some(Relation::TemporarySponsor));
    assert!(card.ok_to_call_any_time);
    assert_eq!(card.since.as_deref(), Some("2024-03-01"));
    assert_eq!(card.availability, "evenings");
}

#[test]
fn garbage_and_half_cards_never_fail_and_keep_what_they_can() {
    assert!(vcard::parse(b"").is_empty());
    assert!(vcard::parse(b"not a card at all\n:::\n;;;").is_empty());
    let cut = vcard::parse(b"BEGIN:VCARD\nFN:Cut off\nTEL:123");
    assert_eq!(cut.len(), 1, "a card cut off at the end is still read");
    assert_eq!(cut[0].phones, [point("", "123")]);
    let nested = vcard::parse(
        b"BEGIN:VCARD\nFN:Parent\nAGENT:BEGIN:VCARD\nBEGIN:VCARD\nFN:Agent\nEND:VCARD\nTEL:5\nEND:VCARD\n",
    );
    assert_eq!(nested.len(), 1);
    assert_eq!(
        nested[0].name, "Parent",
        "a nested card does not replace its parent"
    );
}
