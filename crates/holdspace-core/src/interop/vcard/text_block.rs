//! The copyable text block: a card as lines a person can read in any messenger ("Phone
//! (mobile): +49 ..."), and read back when pasted into Holdspace.

use super::card::Card;
use crate::buddies::model::Labelled;

fn labelled(out: &mut String, what: &str, point: &Labelled) {
    if point.label.is_empty() {
        out.push_str(&format!("{what}: {}\n", point.value));
    } else {
        out.push_str(&format!("{what} ({}): {}\n", point.label, point.value));
    }
}

/// Multi-line values continue on lines indented by two spaces.
fn field(out: &mut String, what: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    out.push_str(what);
    out.push_str(": ");
    out.push_str(&value.replace('\n', "\n  "));
    out.push('\n');
}

pub fn write(card: &Card) -> String {
    let mut out = String::new();
    field(&mut out, "Name", &card.name);
    field(&mut out, "Pronouns", &card.pronouns);
    for phone in &card.phones {
        labelled(&mut out, "Phone", phone);
    }
    for email in &card.emails {
        labelled(&mut out, "Email", email);
    }
    for messenger in &card.messengers {
        labelled(&mut out, "Messenger", messenger);
    }
    field(&mut out, "Available", &card.availability);
    if card.ok_to_call_any_time {
        out.push_str("OK to call any time\n");
    }
    field(&mut out, "Note", &card.notes);
    out
}

/// `Key (label): value` lines; unknown keys are skipped.
pub fn read(text: &str) -> Card {
    let mut card = Card::default();
    let mut last: Option<&'static str> = None;
    for line in text.lines() {
        if let Some(more) = line.strip_prefix("  ") {
            match last {
                Some("Note") => {
                    card.notes.push('\n');
                    card.notes.push_str(more);
                }
                Some("Available") => {
                    card.availability.push(' ');
                    card.availability.push_str(more.trim());
                }
                _ => {}
            }
            continue;
        }
        let line = line.trim();
        if line.eq_ignore_ascii_case("OK to call any time") {
            card.ok_to_call_any_time = true;
            last = None;
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            last = None;
            continue;
        };
        let value = value.trim().to_string();
        let (key, label) = match key.split_once('(') {
            Some((key, label)) => (key.trim(), label.trim_end_matches(')').trim().to_string()),
            None => (key.trim(), String::new()),
        };
        let point = Labelled {
            label,
            value: value.clone(),
        };
        last = match key.to_ascii_lowercase().as_str() {
            "name" => {
                card.name = value;
                None
            }
            "pronouns" => {
                card.pronouns = value;
                None
            }
            "phone" => {
                card.phones.push(point);
                None
            }
            "email" | "e-mail" => {
                card.emails.push(point);
                None
            }
            "messenger" => {
                card.messengers.push(point);
                None
            }
            "available" => {
                card.availability = value;
                Some("Available")
            }
            "note" => {
                card.notes = value;
                Some("Note")
            }
            _ => None,
        };
    }
    card
}
