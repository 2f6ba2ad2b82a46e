//! Time below the domains: IANA zones, wall-clock times, and the expansion of RFC 5545
//! recurrences into real instants.
//!
//! What must hold (DESIGN.md, RFC 5545 section 3.3.5): a meeting's wall-clock time stays put
//! across daylight-saving changes; a wall time inside a spring-forward gap takes the offset in
//! force before the gap; an ambiguous wall time in a fall-back overlap takes the earlier
//! instant.

mod recurrence;
mod wall;
mod zone;

pub use recurrence::{Recurrence, MAX_RULE_BYTES};
pub use wall::{
    instant, parse_date, parse_instant, parse_local, parse_zone, resolve, LOCAL_FORMAT,
};
pub use zone::system_zone;
