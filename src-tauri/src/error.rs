//! The error every command returns: a code the UI branches on and a message for a person.
//! Built only from the core's error, whose messages never hold user content.

use holdspace_core::ErrorCode;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<holdspace_core::Error> for AppError {
    fn from(error: holdspace_core::Error) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

pub type CommandResult<T> = Result<T, AppError>;
