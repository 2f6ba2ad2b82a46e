//! The sample data in British English. Places are made up ("Elm Street Centre") and the
//! journal speaks only of the user: what others shared stays in the room.

use chrono::NaiveDate;

use super::{
    AttendanceNotes, CardText, ContactText, EntryText, FacilitationText, GroupText, JournalText,
    PerCircle, Texts,
};

/// "Thursday 8 October". chrono's names are English, so they serve here and only here.
fn spoken(date: NaiveDate) -> String {
    date.format("%A %-d %B").to_string()
}

pub(super) const TEXTS: Texts = Texts {
    groups: PerCircle {
        grief: GroupText {
            name: "Thursday Grief Circle",
            description: "A small, steady circle for anyone living with the loss of someone \
                          close. Newcomers are welcome to listen for as long as they like.",
            address: "Community room, Elm Street Centre",
            meeting_link: "",
            venue_notes: "Side entrance by the bike racks; the room is on the ground floor. \
                          Tea and tissues are on the table by the window.",
            own_norms: &["It is fine to step out for a breather and come back when you are ready."],
            meeting_title: "Grief circle",
        },
        recovery: GroupText {
            name: "Fresh Start Recovery (online)",
            description: "An online recovery meeting open to anyone with a desire to stop \
                          drinking or using. Cameras optional.",
            address: "",
            meeting_link: "https://meet.example.org/fresh-start-monday",
            venue_notes: "The waiting room opens ten minutes early. Rename yourself to a first \
                          name or an initial.",
            own_norms: &["What we hear here, who we see here, stays here."],
            meeting_title: "Monday night meeting",
        },
        carers: GroupText {
            name: "Carers' Coffee Morning",
            description: "Unpaid carers meeting over coffee every other Saturday: a break, a \
                          listening ear and tips that only other carers know.",
            address: "Front room at Sam's, Birch Close (door code in the group chat)",
            meeting_link: "",
            venue_notes: "Bring a mug if you can. Step-free access through the garden gate.",
            own_norms: &["Nobody has to explain why they are late or have to leave early."],
            meeting_title: "Coffee morning",
        },
        chronic_illness: GroupText {
            name: "Living Well with Chronic Pain",
            description: "A peer group for people living with long-term pain or fatigue: \
                          pacing, appointments, good days and bad days.",
            address: "Meeting room 2, Riverside Library",
            meeting_link: "",
            venue_notes: "Lift to the first floor; chairs with arms are kept by the door. \
                          Lying down or moving around during the meeting is always fine.",
            own_norms: &[
                "Nobody gives medical advice; we share what worked for us.",
                "Leaving early on a bad day needs no explanation.",
            ],
            meeting_title: "Peer group",
        },
    },
    attendance: AttendanceNotes {
        grief_excused: "Away at my sister's for a few days; told the facilitator beforehand.",
        grief_first_share: "Said Dad's name out loud in the room for the first time.",
        recovery_missed: "Fell asleep on the sofa. Back next week.",
        carers_cancelled: "Sam was unwell; cancelled in the group chat.",
        chronic_illness_facilitated: "Ran the round on pacing. Kept to time.",
    },
    journal: JournalText {
        entries: [
            EntryText {
                title: "Slow start",
                body: "### How am I arriving today?\n\nWoke at four again. Made tea and sat by \
                       the window until it got light.\n\n### What do I need today, and from \
                       whom?\n\nA walk at lunch and an early night. Maybe a text to Priya.",
                feelings: &["tired", "anxious"],
                tags: &["sleep"],
            },
            EntryText {
                title: "The anniversary is coming",
                body: "Dad's anniversary is next month and I can already feel it in my \
                       shoulders. Writing it down so it is not only in my head. I might bring \
                       it to Thursday's circle if there is space.",
                feelings: &["sad", "restless"],
                tags: &["grief", "family"],
            },
            EntryText {
                title: "Things that help on hard evenings",
                body: "- Phone Priya or Mark before the evening gets long\n\
                       - A hot shower, then the radio\n\
                       - Walk round the block, even in the rain\n\
                       - Write three lines here instead of scrolling\n\
                       - Bed by eleven",
                feelings: &[],
                tags: &["self-care"],
            },
            EntryText {
                title: "Steadier",
                body: "Another week without a drink. Nothing dramatic, just an ordinary \
                       evening with the dishes done. Mark says to notice the ordinary days, \
                       so: noticed.",
                feelings: &["calm", "hopeful"],
                tags: &["recovery"],
            },
            EntryText {
                title: "Pain flare",
                body: "Bad flare since Tuesday. Cancelled the cinema and felt guilty, then \
                       remembered what I tell the group about pacing. Heat pad, short walks, \
                       and being kinder to myself than I feel like being.",
                feelings: &["frustrated", "tired"],
                tags: &["pacing", "health"],
            },
            EntryText {
                title: "Two hours to myself",
                body: "Mum had a settled night, so I got two hours to myself. It is strange \
                       how much lighter I feel after a morning where nobody needs me to \
                       explain.",
                feelings: &["grateful", "connected"],
                tags: &["carers"],
            },
            EntryText {
                title: "Questions for the pain clinic",
                body: "1. Can the physio sessions be moved to mornings?\n\
                       2. Is there a pacing course I could join?\n\
                       3. Ask for a letter for work about flexible hours.",
                feelings: &[],
                tags: &["health", "appointments"],
            },
            EntryText {
                title: "A good day",
                body: "Slept through for the first time in a fortnight. Pancakes, a walk by \
                       the river and no plans after four. I want to remember that a good day \
                       can just happen.",
                feelings: &["hopeful", "calm"],
                tags: &["sleep", "gratitude"],
            },
        ],
        reflections: PerCircle {
            grief: EntryText {
                title: "After the grief circle",
                body: "### What did I hear that I want to keep?\n\nThat grief does not run on \
                       a timetable, and that the second year can be harder than the first.\n\n\
                       ### What did I share, and how did it feel?\n\nI talked about clearing \
                       out Dad's shed. My voice shook but I finished, and the silence \
                       afterwards felt kind.\n\n### Is there feedback I want to ask for?\n\n\
                       Not this time.",
                feelings: &["sad", "relieved"],
                tags: &["grief"],
            },
            recovery: EntryText {
                title: "After Monday's meeting",
                body: "### What did I hear that I want to keep?\n\n\"One evening at a time\" - \
                       it helps more than thinking about forever.\n\n### What did I share, \
                       and how did it feel?\n\nI read the opening and said I had a hard \
                       Friday but got through it. Easier to say than last month.\n\n### Is \
                       there feedback I want to ask for?\n\nAsk Mark about weekends.",
                feelings: &["grateful", "hopeful"],
                tags: &["recovery"],
            },
            carers: EntryText {
                title: "Coffee morning",
                body: "### What did I hear that I want to keep?\n\nThe tip about asking the GP \
                       surgery for a carer's assessment.\n\n### What did I share, and how did \
                       it feel?\n\nThat I sometimes resent the caring and then feel awful for \
                       it. Nobody flinched.\n\n### Is there feedback I want to ask for?\n\nNo.",
                feelings: &["connected", "tired"],
                tags: &["carers"],
            },
            chronic_illness: EntryText {
                title: "Facilitating",
                body: "### What did I hear that I want to keep?\n\nThat pacing is a skill you \
                       practise, not a rule you pass or fail.\n\n### What did I share, and how \
                       did it feel?\n\nA short share at the end about my own flare. Holding \
                       the room and sharing in the same evening is a lot.\n\n### Is there \
                       feedback I want to ask for?\n\nAsk my co-facilitator how the timing \
                       felt.",
                feelings: &["proud", "drained"],
                tags: &["facilitating", "pacing"],
            },
        },
        spoken,
    },
    contacts: [
        ContactText {
            pronouns: "she/her",
            phone_label: "mobile",
            email_label: "home",
            availability: "Evenings after six; a text first is best",
            notes: "We agreed to check in after Thursday circles, and on the hard dates.",
        },
        ContactText {
            pronouns: "he/him",
            phone_label: "mobile",
            email_label: "personal",
            availability: "Any time, honestly - he means it",
            notes: "Call before the evening gets long, not after.",
        },
        ContactText {
            pronouns: "they/them",
            phone_label: "mobile",
            email_label: "",
            availability: "Weekday mornings, after the school run",
            notes: "Knows the ins and outs of carer's allowance forms.",
        },
    ],
    card: CardText {
        pronouns: "they/them",
        phone_label: "mobile",
        email_label: "personal",
        availability: "Weekday evenings; texts any time",
        preset_name: "Newcomer list",
    },
    facilitation: FacilitationText {
        how_it_went: "Started on time and kept the rounds to three minutes. The pacing topic \
                      worked well; I used the share timer for the first time.",
        what_i_need: "A co-facilitator for the next two sessions while my own flare settles. \
                      Ask at the end of the next meeting.",
        self_care: "Quiet evening afterwards, no screens, and the heat pad. Check in with Priya \
                    on Friday.",
    },
};
