//! The built-in templates' own wording, drawn from peer-support practice. Nothing here asks the
//! user to record what other members shared; the reflection says so gently.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum BuiltinTemplate {
    /// "How am I arriving today?"
    DailyCheckIn,
    /// An intention before a meeting.
    PreMeeting,
    /// The reflection offered right after a check-in of attendance.
    PostMeeting,
}

impl BuiltinTemplate {
    pub fn name(self) -> &'static str {
        match self {
            Self::DailyCheckIn => "Daily check-in",
            Self::PreMeeting => "Before a meeting",
            Self::PostMeeting => "After a meeting",
        }
    }

    pub fn body(self) -> &'static str {
        match self {
            Self::DailyCheckIn => {
                "### How am I arriving today?\n\n\n\n### What do I need today, and from whom?\n\n"
            }
            Self::PreMeeting => {
                "### What is my intention for this meeting?\n\n\n\n\
                 ### Is there something I want to share, or to listen for?\n\n"
            }
            Self::PostMeeting => {
                "> What others shared stays in the room; these questions are about you.\n\n\
                 ### What did I hear that I want to keep?\n\n\n\n\
                 ### What did I share, and how did it feel?\n\n\n\n\
                 ### Is there feedback I want to ask for?\n\n"
            }
        }
    }
}
